// The participation server (issue 12): phones on the room's network join with a six-digit code, then read the
// state of what the facilitator opened to them and post ideas and ballots. Every request that reads or changes
// the model becomes a job on the ActionQueue, run by the owner thread (drain()); the HTTP threads never read the
// model. The API (JSON, UTF-8, French keys) is the contract of issue 12 point 6:
//   POST /api/rejoindre {"code", "prenom"?, "cite"?, "groupe"?} → 200 {"jeton"}; wrong code 403
//   GET  /api/etat → {"etape", "activite", "tableau", "vote", "minuteur_s", "revision"}
//   POST /api/idees {"texte", "colonne"?} → 201 {"id"}; invalid 400; too fast 429
//   POST /api/bulletin {"vote", "ranking"|"grades"|"approve"|"dots"} → 200 {"id"}; invalid 400; closed 409
// Everything but joining needs `Authorization: Bearer JETON` (401 otherwise). Every error is {"erreur": "…"}.
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/model.h"
#include "core/session.h"
#include "net/action_queue.h"

namespace atelier::net {

/// What the owner opens to phones: an étape and, optionally, one of its boards and one of its votes.
struct OpenToPhones {
    Id etape = 0;
    std::optional<Id> board;
    std::optional<Id> vote;
    bool operator==(const OpenToPhones&) const = default;
};

/// The server's limits (issue 12 point 5); tests shorten the timeout.
struct Limits {
    size_t maxBody = 8 * 1024;                        // larger bodies: 413
    int wrongCodesPerMinute = 5;                      // per address; more: 429 until the minute has passed
    int ideasPerMinute = 20;                          // per device; more: 429
    std::chrono::milliseconds answerTimeout{5000};    // the owner did not take the job: 503
    size_t maxNameLength = 100;                       // prénom, cité, groupe, in characters
};

class Participation {
public:
    static constexpr int kDefaultPort = 8300;
    static constexpr int kPortTries = 20;  // the port asked for, then the next ones when busy

    explicit Participation(Limits limits = {});
    ~Participation();  // stops the server
    Participation(const Participation&) = delete;
    Participation& operator=(const Participation&) = delete;

    /// Listens on `host` (0.0.0.0: every interface) at `port`, or the next free one of kPortTries (0: any free
    /// port). `code`: six digits, or empty for a new random one. Forgets every device (they join again). Returns
    /// the French reason when it cannot listen. Call from the owner thread.
    Status start(const std::string& host = "0.0.0.0", int port = kDefaultPort, const std::string& code = {});
    /// Stops listening; requests in flight are answered or dropped. Call from the owner thread.
    void stop();
    bool running() const;
    /// The port listened on (0 when stopped).
    int port() const;
    /// The room code of this opening.
    std::string code() const;
    /// Sets what phones see and where their ideas and ballots go.
    void setOpen(const OpenToPhones& open);
    OpenToPhones open() const;
    /// Devices that joined since start().
    size_t devices() const;
    /// The jobs of the HTTP threads: the owner calls queue().drain(session) once per frame or loop turn.
    ActionQueue& queue() { return queue_; }

private:
    struct Impl;
    ActionQueue queue_;
    std::unique_ptr<Impl> impl_;
};

/// The IPv4 addresses of this machine on its networks, loopback left out (the addresses phones can reach).
std::vector<std::string> localAddresses();

/// The URLs phones open for a server on `host`:`port`: one per local address when `host` is 0.0.0.0 (loopback
/// when there is none), else `host`'s.
std::vector<std::string> joinUrls(const std::string& host, int port);

}  // namespace atelier::net
