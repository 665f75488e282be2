// The room's HTTP server (issue 28 point 1): an event-driven server over libmicrohttpd. One internal thread
// polls every connection (epoll on Linux); no connection ever holds a thread. A request that cannot be answered
// at once (a job for the owner thread, a long poll) is *deferred*: its connection is suspended, costing a few
// hundred bytes, until someone completes it from any thread.
//
// The limits are set where a connection is accepted, not in the handler (STYLE.md §17): connections per address,
// a deep listen backlog, an inactivity timeout for headers and bodies, a total time for the headers and for a
// body, the body size checked against Content-Length before a byte of it is read and counted while a chunked body
// arrives.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>

#include "core/session.h"  // Status

namespace atelier::net {

/// What the server answers: an HTTP status, a body and its type.
struct HttpAnswer {
    int status = 200;
    std::string body;
    std::string contentType = "application/json; charset=utf-8";
};

/// One request, fully received. Handed to the handler on the server's thread; `complete()` may be called later
/// from any thread, exactly once counts (the next calls do nothing).
class HttpExchange {
public:
    virtual ~HttpExchange() = default;
    const std::string& method() const { return method_; }
    const std::string& path() const { return path_; }
    const std::string& body() const { return body_; }
    /// The client's IP address as text (« 127.0.0.1 »).
    const std::string& address() const { return address_; }
    /// A header's value, or empty.
    virtual std::string header(const char* name) const = 0;
    /// A query argument's value; false when absent. Only on the server's thread, inside the handler.
    virtual bool query(const char* name, std::string& value) const = 0;
    /// Answers the request (from the handler or, once deferred, from any thread).
    virtual void complete(HttpAnswer answer) = 0;

protected:
    std::string method_, path_, body_, address_;
};

using HttpHandle = std::shared_ptr<HttpExchange>;

struct HttpLimits {
    size_t maxBody = 8 * 1024;          // larger: 413 before reading (Content-Length) or the connection closed
    unsigned perAddress = 6;            // connections open at once from one address (a phone needs 2)
    unsigned maxConnections = 2000;     // in all
    unsigned idleTimeoutSeconds = 5;    // a connection that sends nothing for this long (headers, body) is closed
    std::chrono::milliseconds bodyTime{5000};  // a body must be complete this long after its headers
    std::chrono::milliseconds headerTime{8000};  // the request line and headers must be complete this long after
                                                 // the connection opened or its previous answer left (a slow
                                                 // device that sends a header line every few seconds is cut)
    unsigned backlog = 1024;            // connections waiting to be accepted
    size_t headerMemory = 16 * 1024;    // per connection, for the request line and headers
};

/// The French answer to a request refused before the handler (too large, unknown route): the handler's owner
/// provides it, so that every refusal speaks the same language.
using HttpRefusal = std::function<HttpAnswer(int status)>;

class HttpServer {
public:
    /// `handle` is called on the server's thread for every complete request; it either completes the exchange at
    /// once or keeps the handle and completes it later (the connection waits, suspended).
    using Handler = std::function<void(const HttpHandle&)>;

    HttpServer(HttpLimits limits, Handler handle, HttpRefusal refuse);
    ~HttpServer();  // stop()
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;

    /// Listens on `host` (IPv4 text; 0.0.0.0: every interface) at `port` (0: any free port). The French reason
    /// when it cannot.
    Status listen(const std::string& host, int port);
    /// Whether `host` is an IPv4 address listen() can take.
    static bool validHost(const std::string& host);
    /// Completes every deferred exchange with `last` (unless answered meanwhile), then closes every connection.
    void stop(const HttpAnswer& last);
    bool running() const;
    int port() const;
    /// Extra headers sent with every answer (security, caching).
    void setCommonHeaders(std::vector<std::pair<std::string, std::string>> headers);

    struct Impl;

private:
    std::unique_ptr<Impl> impl_;
};

}  // namespace atelier::net
