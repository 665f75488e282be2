// [SECTION] Helpers: JSON answers, random codes and tokens
// [SECTION] State shared by the HTTP threads (devices, rate limits, what is open)
// [SECTION] Handlers
// [SECTION] Start and stop
// [SECTION] Local addresses

#include "net/participation.h"

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <atomic>
#include <cstdio>
#include <deque>
#include <map>
#include <mutex>
#include <random>
#include <thread>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "core/enums.h"
#include "core/strings.h"
#include "core/text.h"
#include "net/ballot_json.h"

namespace atelier::net {

namespace {

using Json = nlohmann::json;
using Clock = std::chrono::steady_clock;

// [SECTION] Helpers: JSON answers, random codes and tokens

std::string dump(const Json& json) { return json.dump(-1, ' ', false, Json::error_handler_t::replace); }

Reply answer(int status, const Json& body) { return Reply{status, dump(body)}; }
Reply refusal(int status, const std::string& message) { return answer(status, Json{{"erreur", message}}); }

void send(httplib::Response& res, const Reply& reply) {
    res.status = reply.status;
    res.set_content(reply.body, "application/json; charset=utf-8");
}

std::string randomCode() {
    std::random_device device;
    char text[8];
    std::snprintf(text, sizeof text, "%06u", static_cast<unsigned>(device() % 1000000u));
    return text;
}

/// 128 random bits in hex.
std::string randomToken() {
    std::random_device device;
    std::string token;
    for (int i = 0; i < 4; ++i) {
        char part[9];
        std::snprintf(part, sizeof part, "%08x", static_cast<unsigned>(device()));
        token += part;
    }
    return token;
}

bool isRoomCode(const std::string& code) {
    if (code.size() != 6) return false;
    for (char c : code)
        if (c < '0' || c > '9') return false;
    return true;
}

std::int64_t unixNow() {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

/// Times within the last minute, older ones dropped.
size_t lastMinute(std::deque<Clock::time_point>& times, Clock::time_point now) {
    while (!times.empty() && now - times.front() >= std::chrono::minutes(1)) times.pop_front();
    return times.size();
}

}  // namespace

// [SECTION] State shared by the HTTP threads (devices, rate limits, what is open)

struct Participation::Impl {
    /// A phone that joined: what it said about itself (never a name the projector would not show: the prénom
    /// goes on its ideas as their author).
    struct Device {
        std::string prenom, cite, groupe;
        std::deque<Clock::time_point> ideas;  // accepted for posting, last minute
    };

    ActionQueue& queue;
    Limits limits;
    std::unique_ptr<httplib::Server> server;
    std::thread thread;
    std::atomic<bool> stopped{true};  // the listening thread has returned
    int port = 0;

    mutable std::mutex mutex;  // guards what follows (HTTP threads and owner)
    std::string code;
    OpenToPhones open;
    std::map<std::string, Device> devices;                            // by token
    std::map<std::string, std::deque<Clock::time_point>> wrongCodes;  // by address

    /// Ballots cast by each device (token → vote → ballot id): touched by jobs only, on the owner thread.
    std::map<std::string, std::map<Id, Id>> ballots;

    Impl(ActionQueue& q, Limits l) : queue(q), limits(l) {}

    /// The body as a JSON object, or the refusal to send.
    std::optional<Reply> parseBody(const httplib::Request& req, Json& body) const {
        if (!isValidUtf8(req.body)) return refusal(400, tr(Str::NetInvalidUtf8));
        if (jsonDepth(req.body) > kMaxJsonDepth) return refusal(400, tr(Str::NetBadJson));
        body = Json::parse(req.body, nullptr, false);
        if (body.is_discarded() || !body.is_object()) return refusal(400, tr(Str::NetBadJson));
        return std::nullopt;
    }

    /// The token of an authorised request, or the 401 to send.
    std::optional<Reply> authorise(const httplib::Request& req, std::string& token, Device* copy = nullptr) const {
        const std::string header = req.get_header_value("Authorization");
        constexpr std::string_view bearer = "Bearer ";
        if (header.size() <= bearer.size() || header.compare(0, bearer.size(), bearer) != 0)
            return refusal(401, tr(Str::NetNoToken));
        token = header.substr(bearer.size());
        std::lock_guard lock(mutex);
        const auto it = devices.find(token);
        if (it == devices.end()) return refusal(401, tr(Str::NetBadToken));
        if (copy) *copy = it->second;
        return std::nullopt;
    }

    /// Runs `job` on the owner thread and returns its answer, or 503 when the owner does not take it in time.
    Reply run(Job job) const {
        const std::optional<Reply> reply = queue.post(std::move(job), limits.answerTimeout);
        return reply ? *reply : refusal(503, tr(Str::NetBusy));
    }

    // [SECTION] Handlers

    Reply join(const httplib::Request& req) {
        Json body;
        if (auto refused = parseBody(req, body)) return *refused;
        const auto now = Clock::now();
        {
            std::lock_guard lock(mutex);
            auto& wrong = wrongCodes[req.remote_addr];
            if (lastMinute(wrong, now) >= static_cast<size_t>(limits.wrongCodesPerMinute))
                return refusal(429, tr(Str::NetTooManyCodes));
            const auto given = body.find("code");
            if (given == body.end() || !given->is_string() || given->get<std::string>() != code) {
                wrong.push_back(now);
                return refusal(403, tr(Str::NetWrongCode));
            }
        }
        Device device;
        for (auto [key, field] : {std::pair{"prenom", &device.prenom}, std::pair{"cite", &device.cite},
                                  std::pair{"groupe", &device.groupe}}) {
            const auto value = body.find(key);
            if (value == body.end() || value->is_null()) continue;
            if (!value->is_string()) return refusal(400, fmt(Str::ErrVoteFieldType, {key, tr(Str::TypeText)}));
            *field = std::string(trim(value->get<std::string>()));
            if (countCodePoints(*field) > limits.maxNameLength)
                return refusal(400, fmt(Str::NetFieldTooLong, {key, std::to_string(limits.maxNameLength)}));
        }
        const std::string token = randomToken();
        {
            std::lock_guard lock(mutex);
            devices.emplace(token, std::move(device));
        }
        return answer(200, Json{{"jeton", token}});
    }

    Reply state(const httplib::Request& req) {
        std::string token;
        if (auto refused = authorise(req, token)) return *refused;
        const OpenToPhones opened = currentOpen();
        return run([opened](const Model& model, Session& session) {
            const Etape* etape = model.etape(opened.etape);
            if (!etape) return refusal(409, tr(Str::NetNoEtape));
            Json out;
            out["etape"] = {{"numero", etape->header.number}, {"titre", etape->header.theme}};
            const Board* board = opened.board ? etape->board(*opened.board) : nullptr;
            const Vote* vote = nullptr;
            if (opened.vote)
                for (const Vote& v : etape->votes)
                    if (v.id == *opened.vote) vote = &v;
            out["activite"] = vote && vote->setup.open ? "vote" : board ? "idees" : "attente";
            if (board) {
                Json columns = Json::array();
                for (const BoardCategory& c : board->categories) columns.push_back({{"id", c.id}, {"nom", c.name}});
                out["tableau"] = {{"id", board->id}, {"titre", board->title}, {"colonnes", columns}};
            } else {
                out["tableau"] = nullptr;
            }
            if (vote) {
                const VoteSetup& s = vote->setup;
                Json v = {{"id", vote->id}, {"question", s.question}, {"methode", enumKey(s.method)},
                          {"propositions", s.options}};
                if (s.method == VoteMethod::Majority) v["mentions"] = s.grades.empty() ? defaultGradeScale() : s.grades;
                if (s.method == VoteMethod::Dot) v["points_par_votant"] = s.dotsPerVoter;
                out["vote"] = v;
            } else {
                out["vote"] = nullptr;
            }
            out["minuteur_s"] = nullptr;  // the countdown is view state of the app: not known to the model yet
            out["revision"] = session.revision();
            return answer(200, out);
        });
    }

    Reply postIdea(const httplib::Request& req) {
        std::string token;
        Device device;
        if (auto refused = authorise(req, token, &device)) return *refused;
        Json body;
        if (auto refused = parseBody(req, body)) return *refused;
        const auto text = body.find("texte");
        if (text == body.end()) return refusal(400, fmt(Str::ErrVoteMissingKey, {"texte"}));
        if (!text->is_string()) return refusal(400, fmt(Str::ErrVoteFieldType, {"texte", tr(Str::TypeText)}));
        Json column = body.contains("colonne") ? body.at("colonne") : Json();
        if (!column.is_null() && !column.is_number_unsigned() && !column.is_string())
            return refusal(400, fmt(Str::ErrVoteFieldType, {"colonne", tr(Str::TypeInteger)}));
        {
            std::lock_guard lock(mutex);
            const auto it = devices.find(token);
            if (it == devices.end()) return refusal(401, tr(Str::NetBadToken));
            if (lastMinute(it->second.ideas, Clock::now()) >= static_cast<size_t>(limits.ideasPerMinute))
                return refusal(429, tr(Str::NetTooManyIdeas));
            it->second.ideas.push_back(Clock::now());
        }
        const OpenToPhones opened = currentOpen();
        Idea idea;
        idea.text = text->get<std::string>();
        idea.group = device.groupe;
        idea.author = device.prenom;
        idea.time = unixNow();
        idea.entry = IdeaEntry::Keyboard;  // the model has no « téléphone » entry yet (see the report of issue 12)
        return run([opened, idea, column](const Model& model, Session& session) mutable {
            const Etape* etape = model.etape(opened.etape);
            const Board* board = etape && opened.board ? etape->board(*opened.board) : nullptr;
            if (!board) return refusal(409, tr(Str::NetNoBoard));
            if (board->categories.empty()) return refusal(400, tr(Str::ErrUnknownCategory));
            idea.category = board->categories.front().id;
            if (column.is_number_unsigned()) {
                idea.category = column.get<Id>();
            } else if (column.is_string()) {
                idea.category = 0;
                for (const BoardCategory& c : board->categories)
                    if (foldForSearch(c.name) == foldForSearch(column.get<std::string>())) idea.category = c.id;
            }
            const Id id = model.nextId;  // what Session::apply gives a new idea
            const Status status = session.apply(AddIdea{opened.etape, board->id, idea});
            if (!status) return refusal(status.notSaved ? 500 : 400, status.message);
            return answer(201, Json{{"id", id}});
        });
    }

    Reply postBallot(const httplib::Request& req) {
        std::string token;
        if (auto refused = authorise(req, token)) return *refused;
        Json body;
        if (auto refused = parseBody(req, body)) return *refused;
        const auto voteId = body.find("vote");
        if (voteId == body.end()) return refusal(400, fmt(Str::ErrVoteMissingKey, {"vote"}));
        if (!voteId->is_number_unsigned())
            return refusal(400, fmt(Str::ErrVoteFieldType, {"vote", tr(Str::TypeInteger)}));
        const Id asked = voteId->get<Id>();
        const OpenToPhones opened = currentOpen();
        return run([this, opened, asked, token, body](const Model& model, Session& session) {
            const Etape* etape = model.etape(opened.etape);
            const Vote* vote = nullptr;
            if (etape && opened.vote && *opened.vote == asked)
                for (const Vote& v : etape->votes)
                    if (v.id == asked) vote = &v;
            if (!vote) return refusal(409, tr(Str::NetNoVote));
            if (!vote->setup.open) return refusal(409, tr(Str::ErrVoteClosed));
            StoredBallot stored;
            if (std::string error = readBallot(body, *vote, stored.ballot); !error.empty()) return refusal(400, error);
            // One ballot per device per vote: a new one corrects the one it cast, when that is still there.
            Id& previous = ballots[token][asked];
            const bool replaces = previous != 0 && indexOf(vote->ballots, previous) >= 0;
            Status status;
            if (replaces) {
                stored.id = previous;
                status = session.apply(CorrectBallot{opened.etape, asked, stored});
            } else {
                stored.id = 0;
                const Id id = model.nextId;  // what Session::apply gives a new ballot
                status = session.apply(CastBallot{opened.etape, asked, stored});
                if (status) previous = id;
            }
            if (!status) return refusal(status.notSaved ? 500 : 400, status.message);
            return answer(200, Json{{"id", previous}});
        });
    }

    OpenToPhones currentOpen() const {
        std::lock_guard lock(mutex);
        return open;
    }

    void routes() {
        httplib::Server& s = *server;
        // SO_REUSEADDR only: httplib's default adds SO_REUSEPORT, with which a second server would share a busy
        // port instead of moving to the next one.
        s.set_socket_options([](socket_t sock) {
            int yes = 1;
            setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
        });
        s.set_payload_max_length(limits.maxBody);
        s.set_default_headers({{"Content-Security-Policy", "default-src 'self'"}, {"Cache-Control", "no-store"},
                               {"X-Content-Type-Options", "nosniff"}});
        s.Post("/api/rejoindre", [this](const httplib::Request& req, httplib::Response& res) { send(res, join(req)); });
        s.Get("/api/etat", [this](const httplib::Request& req, httplib::Response& res) { send(res, state(req)); });
        s.Post("/api/idees", [this](const httplib::Request& req, httplib::Response& res) { send(res, postIdea(req)); });
        s.Post("/api/bulletin",
               [this](const httplib::Request& req, httplib::Response& res) { send(res, postBallot(req)); });
        // Every answer without a body of ours (no route, body too large, malformed request) says why in French.
        s.set_error_handler(httplib::Server::HandlerWithResponse([](const httplib::Request&, httplib::Response& res) {
            if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
            std::string message;
            switch (res.status) {
                case 404: message = tr(Str::NetNotFound); break;
                case 413: message = tr(Str::NetBodyTooBig); break;
                case 400: message = tr(Str::NetBadRequest); break;
                case 500: message = tr(Str::NetServerError); break;
                default: message = fmt(Str::NetRefused, {std::to_string(res.status)}); break;
            }
            send(res, refusal(res.status, message));
            return httplib::Server::HandlerResponse::Handled;
        }));
        s.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
            send(res, refusal(500, tr(Str::NetServerError)));
        });
    }
};

// [SECTION] Start and stop

Participation::Participation(Limits limits) : impl_(std::make_unique<Impl>(queue_, limits)) {}

Participation::~Participation() { stop(); }

Status Participation::start(const std::string& host, int port, const std::string& code) {
    stop();
    if (!code.empty() && !isRoomCode(code)) return Status::failure(fmt(Str::NetBadCode, {code}));
    impl_->server = std::make_unique<httplib::Server>();
    impl_->routes();
    int bound = 0;
    if (port == 0) {
        bound = impl_->server->bind_to_any_port(host);
        if (bound <= 0) bound = 0;
    } else {
        for (int p = port; p < port + kPortTries && p <= 65535 && !bound; ++p)
            if (impl_->server->bind_to_port(host, p)) bound = p;
    }
    if (!bound) {
        impl_->server.reset();
        const int last = port == 0 ? 0 : std::min(port + kPortTries - 1, 65535);
        return Status::failure(fmt(Str::NetPortsBusy, {host, std::to_string(port), std::to_string(last)}));
    }
    {
        std::lock_guard lock(impl_->mutex);
        impl_->code = code.empty() ? randomCode() : code;
        impl_->devices.clear();
        impl_->wrongCodes.clear();
    }
    impl_->ballots.clear();
    impl_->port = bound;
    httplib::Server* server = impl_->server.get();
    impl_->stopped = false;
    impl_->thread = std::thread([server, impl = impl_.get()] {
        server->listen_after_bind();
        impl->stopped = true;
    });
    // stop() only reaches a server that has entered its loop: wait for it (a few milliseconds at most).
    for (int i = 0; i < 2000 && !server->is_running(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    return {};
}

void Participation::stop() {
    if (!impl_->server) return;
    impl_->server->stop();
    // The server's threads finish their requests before the listening thread ends; those waiting for the owner
    // (this thread) are answered 503 instead of making stop() wait for their timeout.
    while (!impl_->stopped) {
        queue_.refuseAll(refusal(503, tr(Str::NetBusy)));
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    if (impl_->thread.joinable()) impl_->thread.join();
    impl_->server.reset();
    impl_->port = 0;
}

bool Participation::running() const { return impl_->server != nullptr; }
int Participation::port() const { return impl_->port; }

std::string Participation::code() const {
    std::lock_guard lock(impl_->mutex);
    return impl_->code;
}

void Participation::setOpen(const OpenToPhones& open) {
    std::lock_guard lock(impl_->mutex);
    impl_->open = open;
}

OpenToPhones Participation::open() const {
    std::lock_guard lock(impl_->mutex);
    return impl_->open;
}

size_t Participation::devices() const {
    std::lock_guard lock(impl_->mutex);
    return impl_->devices.size();
}

// [SECTION] Local addresses

std::vector<std::string> localAddresses() {
    std::vector<std::string> out;
    ifaddrs* list = nullptr;
    if (getifaddrs(&list) != 0) return out;
    for (const ifaddrs* a = list; a; a = a->ifa_next) {
        if (!a->ifa_addr || a->ifa_addr->sa_family != AF_INET) continue;
        if ((a->ifa_flags & IFF_LOOPBACK) || !(a->ifa_flags & IFF_UP)) continue;
        char text[INET_ADDRSTRLEN] = {};
        const auto* in = reinterpret_cast<const sockaddr_in*>(a->ifa_addr);
        if (inet_ntop(AF_INET, &in->sin_addr, text, sizeof text)) out.emplace_back(text);
    }
    freeifaddrs(list);
    return out;
}

std::vector<std::string> joinUrls(const std::string& host, int port) {
    std::vector<std::string> hosts;
    if (host.empty() || host == "0.0.0.0") hosts = localAddresses();
    else hosts.push_back(host);
    if (hosts.empty()) hosts.push_back("127.0.0.1");
    std::vector<std::string> urls;
    for (const std::string& h : hosts) urls.push_back("http://" + h + ":" + std::to_string(port) + "/");
    return urls;
}

}  // namespace atelier::net
