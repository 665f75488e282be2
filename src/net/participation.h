// The participation server (issues 12 and 28): phones on the room's network join with a six-digit code, then
// read what the facilitator opened to them and post ideas and ballots. It runs over an event-driven HTTP server
// (net/http_server.h: one thread polls every connection, a waiting phone is a suspended connection). Requests
// that change the model become jobs run by the owner thread in pump(); what phones read is a *feed* that pump()
// publishes once per change of the model (sections and ideas, each stamped with the revision that changed it),
// shared by every phone: answering a phone never reads the model and never runs on the owner thread.
// The API (JSON, UTF-8, French keys) is the contract of issue 12 point 6, kept:
//   POST /api/salle {"code"} → 200 {"etape": {"numero", "titre"}, "cites": [nom], "groupes": [nom]}; wrong code 403
//   POST /api/rejoindre {"code", "prenom"?, "cite"?, "groupe"?} → 200 {"jeton"}; wrong code 403; too many joins
//        from one address 429; a blocked device's address 403
//   GET  /api/etat[?revision=N] → {"etape", "activite", "tableau" (+ "masque"), "vote" (+ "a_vote",
//        "mon_bulletin"), "evaluation", "moi", "minuteur_s", "revision"}; with N, waits (long poll) until the
//        revision differs from N or Limits::longPoll has passed
//   GET  /api/etat?revision=N&changements=1 (issue 28 point 2, what the page uses): the same wait, answered with
//        only what changed since N: {"revision", "changements": true, the sections that changed, "minuteur_s",
//        "idees": [idea], "retirees": [id]}; idea = {"id", "texte", "colonne"} (+ "mienne": true, "modifiable"
//        for the device's own). When N is unknown (too old, another run, missing) the answer is the whole state
//        with "complet": true and "idees": every idea the device sees.
//   GET  /api/idees → {"miennes": [{"id", "texte", "colonne", "modifiable"}], "autres": [{"texte", "colonne"}]}
//   POST /api/idees {"texte", "colonne"?, "cle"?} → 201 {"id"}; invalid 400; too fast 429; "cle" (a key the page
//        makes per idea): the same key again answers the same id without storing it twice (a retry)
//   PUT  /api/idees/{id} {"texte"} → 200 {"id"}; DELETE /api/idees/{id} → 200 {"id"}; not this device's 404;
//        moved by the facilitator 409
//   POST /api/bulletin {"vote", "ranking"|"grades"|"approve"|"dots"} → 200 {"id"}; invalid 400; closed 409
//   The evaluation of the day (issue 14 point 3), when the owner opens it: `activite` is "evaluation" and the state
//   holds "evaluation": {"questions": [{"id", "texte", "type": "note"|"phrase"|"pratiques"|"themes"}],
//   "mentions" (worst first), "pratiques": [{"id", "titre", "cite"}] (the day's practices), "a_repondu",
//   "mes_reponses"}; otherwise "evaluation" is null.
//   POST /api/evaluation {"reponses": [{"question", "mention"|"texte"|"pratiques": [id]}]} → 200 {"id"}: one
//        answer sheet per device, a new one replaces it; invalid 400; not open 409; too fast 429
//   GET  /, /participer.css, /participer.js: the participant page (assets/); any other path 404
// Everything but the page, /api/salle and joining needs `Authorization: Bearer JETON` (401 otherwise, or when the
// device was blocked). Every error is {"erreur": "…"}.
#pragma once

#include <chrono>
#include <memory>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/model.h"
#include "core/session.h"
#include "net/addresses.h"

namespace atelier::net {

/// What the owner opens to phones: an étape and, optionally, one of its boards and one of its votes.
struct OpenToPhones {
    Id etape = 0;
    std::optional<Id> board;
    std::optional<Id> vote;
    /// The breakout round (index in the étape's GroupPlan::rounds, from 0) whose groups the join form offers;
    /// none: the latest round that has groups, if any.
    std::optional<int> round;
    /// The evaluation of the day is open to phones (it takes the page over while open).
    bool evaluation = false;
    bool operator==(const OpenToPhones&) const = default;
};

/// A device that joined, as the console lists it.
struct DeviceInfo {
    std::string token;
    std::string prenom, cite, groupe;  // as the phone gave them (may be empty)
    int ideas = 0;                     // ideas it posted that were accepted
    bool blocked = false;              // blockDevice(): its token answers 401
    std::string address;               // where it joined from (blocked with it)
    bool replaced = false;             // another phone voted in the name of the same person: this one is out
    Id person = 0;                     // the registration it votes for (votes « un bulletin par personne présente »)
};

/// The server's limits (issues 12 and 28); tests shorten the times.
struct Limits {
    size_t maxBody = 8 * 1024;                        // larger bodies: 413 before they are read (chunked: cut)
    int wrongCodesPerMinute = 5;                      // per address; more: 429 until the minute has passed
    int ideasPerMinute = 20;                          // per device; more: 429
    std::chrono::milliseconds answerTimeout{5000};    // the owner did not take the job: 503
    size_t maxNameLength = 100;                       // prénom, cité, groupe, in characters
    int editsPerMinute = 30;                          // per device, changes and deletions of its ideas; more: 429
    std::chrono::milliseconds longPoll{20000};        // GET /api/etat?revision=N waits at most this long
    size_t maxWaitingPolls = 4000;                    // more long polls at once are answered without waiting
    std::chrono::milliseconds wakeEvery{150};         // waiting phones are answered at most this often (changes
                                                      // of that time travel together)
    unsigned perAddress = 6;                          // connections at once from one address (a phone needs 2)
    int joinsPerAddress = 4;                          // joins from one address per joinWindow; more: 429
    std::chrono::minutes joinWindow{30};
    unsigned idleSeconds = 5;                         // a connection silent this long (headers, body) is closed
    std::chrono::milliseconds bodyTime{5000};         // a body must have arrived this long after its headers
    std::chrono::milliseconds headerTime{8000};       // headers must have arrived this long after the connection
                                                      // opened or its previous answer left
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
    /// Sets what phones see and where their ideas and ballots go (a change wakes the long polls).
    void setOpen(const OpenToPhones& open);
    OpenToPhones open() const;
    /// Devices that joined since start() (or newCode()) and are not blocked.
    size_t devices() const;
    /// Devices that joined since start() (or newCode()), blocked ones included, in joining order.
    std::vector<DeviceInfo> deviceList() const;
    /// Its token stops working (401) and its address cannot join again until unblockDevice(); its ideas and
    /// ballots stay. Owner thread.
    void blockDevice(const std::string& token);
    /// Lets a blocked device (and its address) back in. Owner thread.
    void unblockDevice(const std::string& token);
    /// A new room code: every device is forgotten and must join again. Returns the code. Owner thread.
    std::string newCode();
    /// What `minuteur_s` shows: the seconds left, or none. The server counts down by itself from the moment it is
    /// given, so the owner may call it once when the countdown starts or every frame with the seconds left: a
    /// value that agrees with the server's own count (within 1.5 s) changes nothing; one that stays the same for
    /// more than 1.5 s while the server counts is a paused countdown (shown still); any other value restarts the
    /// count. `paused`: the owner says its countdown is paused (shown still at once, without waiting 1.5 s).
    /// Setting, clearing, pausing or restarting changes the state's revision.
    void setCountdown(std::optional<int> seconds, bool paused = false);
    /// Runs the phones' jobs (their actions go through Session::apply on this thread), publishes what phones see
    /// when the model or what is open changed, then answers the jobs. The owner calls it once per frame or loop
    /// turn. Returns the jobs run.
    int pump(Session& session);
    /// Writes the phones asked for that could not be saved (disk full, folder locked), in French, since the
    /// last call: the console shows them (issue 28 point 7). Owner thread.
    std::vector<std::string> takeFailures();
    /// Called from the server's threads when the owner has something to do (a job waits for pump(), a phone
    /// joined): the app's loop, resting between events, wakes for it (issue 30). Set before start().
    void setWake(std::function<void()> wake);

    /// What the room must remember across a restart of the app or `serve` (issue 28 point 4), as JSON text for
    /// the data folder: the code, the étape, and for each device the digest of its token (never the token), what
    /// it said, whether it is blocked, the ideas it posted as it left them; its ballots and answers under digests
    /// that only the phone, which holds the token, can make again (nothing stored ties a ballot to a device).
    /// Owner thread.
    std::string memory() const;
    /// Changes whenever memory() would give something else (the owner saves it then).
    std::uint64_t memoryVersion() const;
    /// Takes back what memory() gave, before start(): the devices, their ideas and ballots, the code (unless
    /// start() is given another). A memory of another étape is ignored (a new room). A French message when the
    /// text cannot be read; nothing is taken then.
    Status remember(const std::string& memory, Id etape);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace atelier::net
