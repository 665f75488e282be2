// [SECTION] One exchange: its states and how it is answered
// [SECTION] The headers' deadline
// [SECTION] libmicrohttpd callbacks (the server's thread)
// [SECTION] Listen and stop

#include "net/http_server.h"

#ifdef _WIN32
#include <winsock2.h>
#include <ws2tcpip.h>
#else
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#endif

#include <microhttpd.h>

#include <atomic>
#include <charconv>
#include <condition_variable>
#include <cstring>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "core/strings.h"

namespace atelier::net {

using Clock = std::chrono::steady_clock;

// [SECTION] One exchange: its states and how it is answered

namespace {

/// Reading: the body arrives. Handling: the handler runs. Suspended: deferred, the connection waits.
/// Answered: an answer is there to queue. Queued: handed to libmicrohttpd. Finished: the connection is done.
enum class Stage { Reading, Handling, Suspended, Answered, Queued, Finished };

}  // namespace

struct HttpServer::Impl {
    struct Exchange final : HttpExchange {
        Impl* server = nullptr;
        MHD_Connection* connection = nullptr;
        Clock::time_point started;
        std::mutex mutex;  // guards stage and answer
        Stage stage = Stage::Reading;
        std::optional<HttpAnswer> answer;

        void describe(const char* method, const char* url, std::string address) {
            method_ = method ? method : "";
            path_ = url ? url : "";
            address_ = std::move(address);
        }
        std::string& content() { return body_; }

        std::string header(const char* name) const override {
            const char* value = MHD_lookup_connection_value(connection, MHD_HEADER_KIND, name);
            return value ? value : "";
        }
        bool query(const char* name, std::string& value) const override {
            const char* found = MHD_lookup_connection_value(connection, MHD_GET_ARGUMENT_KIND, name);
            if (!found) return false;
            value = found;
            return true;
        }
        void complete(HttpAnswer given) override {
            std::unique_lock lock(mutex);
            if (stage == Stage::Handling) {  // inside the handler: queued when it returns
                answer = std::move(given);
                stage = Stage::Answered;
                return;
            }
            if (stage != Stage::Suspended) return;  // answered already, or the connection is gone
            answer = std::move(given);
            stage = Stage::Answered;
            lock.unlock();
            server->forget(this);
            MHD_resume_connection(connection);  // the server's thread calls onRequest again and queues it
        }
    };
    using ExchangePtr = std::shared_ptr<Exchange>;

    HttpLimits limits;
    Handler handle;
    HttpRefusal refuse;
    std::vector<std::pair<std::string, std::string>> headers;
    MHD_Daemon* daemon = nullptr;
    int port = 0;

    // [SECTION] The headers' deadline
    // libmicrohttpd 0.9.75 only closes a connection after a time of silence: a device sending a header line every
    // few seconds would keep it forever. Every open connection is watched from the moment it opens or its previous
    // answer leaves until its headers are complete; past headerTime, its socket is shut down (libmicrohttpd sees
    // the end of the stream and closes it; it closes a socket only after telling us, so the socket is still its).
    struct Watch {
        MHD_socket socket;
        Clock::time_point since;
        bool awaitingHeaders = true;
        bool cut = false;
    };
    std::mutex watchMutex;  // guards watched, stopping
    std::condition_variable watchWake;
    std::unordered_map<MHD_Connection*, Watch> watched;
    bool stopping = false;
    std::thread sweeper;

    void sweep() {
        std::unique_lock lock(watchMutex);
        const auto tick = std::min<Clock::duration>(std::chrono::milliseconds(250), limits.headerTime / 4);
        while (!stopping) {
            watchWake.wait_for(lock, tick);
            const Clock::time_point now = Clock::now();
            for (auto& [connection, watch] : watched)
                if (watch.awaitingHeaders && !watch.cut && now - watch.since > limits.headerTime) {
                    watch.cut = true;
#ifdef _WIN32
                    ::shutdown(watch.socket, SD_BOTH);
#else
                    ::shutdown(watch.socket, SHUT_RDWR);
#endif
                }
        }
    }
    void headersArrived(MHD_Connection* connection) {
        std::lock_guard lock(watchMutex);
        if (const auto it = watched.find(connection); it != watched.end()) it->second.awaitingHeaders = false;
    }
    void answerLeft(MHD_Connection* connection) {
        std::lock_guard lock(watchMutex);
        if (const auto it = watched.find(connection); it != watched.end()) {
            it->second.awaitingHeaders = true;
            it->second.since = Clock::now();
        }
    }
    static void onConnection(void* cls, MHD_Connection* connection, void** /*context*/,
                             MHD_ConnectionNotificationCode code) {
        Impl& self = *static_cast<Impl*>(cls);
        std::lock_guard lock(self.watchMutex);
        if (code == MHD_CONNECTION_NOTIFY_CLOSED) {
            self.watched.erase(connection);
            return;
        }
        const MHD_ConnectionInfo* info = MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CONNECTION_FD);
        if (info) self.watched.insert({connection, Watch{info->connect_fd, Clock::now()}});
    }

    std::mutex mutex;  // guards deferred
    std::unordered_set<Exchange*> deferredSet;
    std::vector<ExchangePtr> deferred;  // suspended exchanges (kept alive while suspended)
    std::atomic<int> live{0};            // exchanges not finished yet

    void keep(const ExchangePtr& exchange) {
        std::lock_guard lock(mutex);
        deferredSet.insert(exchange.get());
        deferred.push_back(exchange);
    }
    void forget(Exchange* exchange) {
        std::lock_guard lock(mutex);
        if (!deferredSet.erase(exchange)) return;
        for (size_t i = 0; i < deferred.size(); ++i)
            if (deferred[i].get() == exchange) {
                deferred[i] = std::move(deferred.back());
                deferred.pop_back();
                break;
            }
    }

    MHD_Result queue(MHD_Connection* connection, const HttpAnswer& answer) const {
        MHD_Response* response = MHD_create_response_from_buffer(
            answer.body.size(), const_cast<char*>(answer.body.data()), MHD_RESPMEM_MUST_COPY);
        if (!response) return MHD_NO;
        MHD_add_response_header(response, MHD_HTTP_HEADER_CONTENT_TYPE, answer.contentType.c_str());
        for (const auto& [name, value] : headers) MHD_add_response_header(response, name.c_str(), value.c_str());
        const MHD_Result queued = MHD_queue_response(connection, static_cast<unsigned>(answer.status), response);
        MHD_destroy_response(response);
        return queued;
    }

    // [SECTION] libmicrohttpd callbacks (the server's thread)

    static std::string clientAddress(MHD_Connection* connection) {
        const MHD_ConnectionInfo* info = MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
        if (!info || !info->client_addr) return {};
        char text[INET6_ADDRSTRLEN] = {};
        if (info->client_addr->sa_family == AF_INET) {
            const auto* in = reinterpret_cast<const sockaddr_in*>(info->client_addr);
            inet_ntop(AF_INET, &in->sin_addr, text, sizeof text);
        } else if (info->client_addr->sa_family == AF_INET6) {
            const auto* in6 = reinterpret_cast<const sockaddr_in6*>(info->client_addr);
            inet_ntop(AF_INET6, &in6->sin6_addr, text, sizeof text);
        }
        return text;
    }

    static MHD_Result onRequest(void* cls, MHD_Connection* connection, const char* url, const char* method,
                                const char* /*version*/, const char* upload, size_t* uploadSize, void** slot) {
        Impl& self = *static_cast<Impl*>(cls);
        if (!*slot) {  // the headers are there: a new exchange
            self.headersArrived(connection);
            auto exchange = std::make_shared<Exchange>();
            exchange->server = &self;
            exchange->connection = connection;
            exchange->started = Clock::now();
            exchange->describe(method, url, clientAddress(connection));
            *slot = new ExchangePtr(exchange);
            ++self.live;
            // A body larger than the limit is refused before a byte of it is read.
            if (const char* length = MHD_lookup_connection_value(connection, MHD_HEADER_KIND,
                                                                 MHD_HTTP_HEADER_CONTENT_LENGTH)) {
                unsigned long long declared = 0;
                const auto [end, error] = std::from_chars(length, length + std::strlen(length), declared);
                if (error != std::errc() || declared > self.limits.maxBody) {
                    exchange->stage = Stage::Queued;
                    return self.queue(connection, self.refuse(error != std::errc() ? 400 : 413));
                }
            }
            return MHD_YES;
        }
        Exchange& exchange = **static_cast<ExchangePtr*>(*slot);
        if (*uploadSize) {  // a part of the body (chunked ones too): counted as it arrives
            if (exchange.content().size() + *uploadSize > self.limits.maxBody) return MHD_NO;  // closes the connection
            if (Clock::now() - exchange.started > self.limits.bodyTime) return MHD_NO;
            exchange.content().append(upload, *uploadSize);
            *uploadSize = 0;
            return MHD_YES;
        }
        std::unique_lock lock(exchange.mutex);
        if (exchange.stage == Stage::Reading) {  // the whole request is there: the handler's turn
            exchange.stage = Stage::Handling;
            lock.unlock();
            self.handle(*static_cast<ExchangePtr*>(*slot));
            lock.lock();
            if (exchange.stage == Stage::Handling) {  // deferred: the connection waits, suspended
                exchange.stage = Stage::Suspended;
                self.keep(*static_cast<ExchangePtr*>(*slot));
                MHD_suspend_connection(connection);
                return MHD_YES;
            }
        }
        if (exchange.stage == Stage::Answered) {
            exchange.stage = Stage::Queued;
            const HttpAnswer answer = std::move(*exchange.answer);
            lock.unlock();
            return self.queue(connection, answer);
        }
        return MHD_YES;
    }

    static void onCompleted(void* cls, MHD_Connection* connection, void** slot, MHD_RequestTerminationCode) {
        Impl& self = *static_cast<Impl*>(cls);
        self.answerLeft(connection);  // a kept-alive connection: the next request's headers are on the clock
        auto* exchange = static_cast<ExchangePtr*>(*slot);
        if (!exchange) return;
        {
            std::lock_guard lock((*exchange)->mutex);
            (*exchange)->stage = Stage::Finished;
            (*exchange)->connection = nullptr;
        }
        delete exchange;
        *slot = nullptr;
        --self.live;
    }
};

// [SECTION] Listen and stop

HttpServer::HttpServer(HttpLimits limits, Handler handle, HttpRefusal refuse) : impl_(std::make_unique<Impl>()) {
    impl_->limits = limits;
    impl_->handle = std::move(handle);
    impl_->refuse = std::move(refuse);
}

HttpServer::~HttpServer() { stop(HttpAnswer{503, {}, "text/plain"}); }

void HttpServer::setCommonHeaders(std::vector<std::pair<std::string, std::string>> headers) {
    impl_->headers = std::move(headers);
}

Status HttpServer::listen(const std::string& host, int port) {
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    if (inet_pton(AF_INET, host.empty() ? "0.0.0.0" : host.c_str(), &address.sin_addr) != 1)
        return Status::failure(fmt(Str::NetBadHost, {host}));
    const unsigned flags = MHD_USE_AUTO_INTERNAL_THREAD | MHD_ALLOW_SUSPEND_RESUME;
    impl_->daemon = MHD_start_daemon(
        flags, static_cast<std::uint16_t>(port), nullptr, nullptr, &Impl::onRequest, impl_.get(),
        MHD_OPTION_NOTIFY_COMPLETED, &Impl::onCompleted, impl_.get(),
        MHD_OPTION_NOTIFY_CONNECTION, &Impl::onConnection, impl_.get(),
        MHD_OPTION_SOCK_ADDR, reinterpret_cast<sockaddr*>(&address),
        MHD_OPTION_PER_IP_CONNECTION_LIMIT, static_cast<unsigned>(impl_->limits.perAddress),
        MHD_OPTION_CONNECTION_LIMIT, static_cast<unsigned>(impl_->limits.maxConnections),
        MHD_OPTION_CONNECTION_TIMEOUT, static_cast<unsigned>(impl_->limits.idleTimeoutSeconds),
        MHD_OPTION_LISTEN_BACKLOG_SIZE, static_cast<unsigned>(impl_->limits.backlog),
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, static_cast<size_t>(impl_->limits.headerMemory),
        MHD_OPTION_END);
    if (!impl_->daemon) return Status::failure(fmt(Str::NetCannotListen, {host, std::to_string(port)}));
    const MHD_DaemonInfo* info = MHD_get_daemon_info(impl_->daemon, MHD_DAEMON_INFO_BIND_PORT);
    impl_->port = info ? info->port : port;
    impl_->stopping = false;
    impl_->sweeper = std::thread([impl = impl_.get()] { impl->sweep(); });
    return {};
}

void HttpServer::stop(const HttpAnswer& last) {
    if (!impl_->daemon) return;
    MHD_quiesce_daemon(impl_->daemon);  // no new connection from now on
    // Every deferred exchange (those deferred while stopping too) is answered, and the answers go out before the
    // connections close (a few milliseconds; bounded).
    auto answerDeferred = [&] {
        std::vector<Impl::ExchangePtr> waiting;
        {
            std::lock_guard lock(impl_->mutex);
            waiting = impl_->deferred;
        }
        for (const auto& exchange : waiting) exchange->complete(last);
    };
    answerDeferred();
    for (int i = 0; i < 500 && impl_->live > 0; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
        answerDeferred();
    }
    {
        std::lock_guard lock(impl_->watchMutex);
        impl_->stopping = true;
    }
    impl_->watchWake.notify_all();
    if (impl_->sweeper.joinable()) impl_->sweeper.join();
    MHD_stop_daemon(impl_->daemon);
    impl_->daemon = nullptr;
    impl_->port = 0;
}

bool HttpServer::validHost(const std::string& host) {
    in_addr address{};
    return inet_pton(AF_INET, host.empty() ? "0.0.0.0" : host.c_str(), &address) == 1;
}

bool HttpServer::running() const { return impl_->daemon != nullptr; }
int HttpServer::port() const { return impl_->port; }

}  // namespace atelier::net
