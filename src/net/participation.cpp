// [SECTION] Helpers: JSON answers, random codes and tokens
// [SECTION] State shared by the HTTP threads (devices, rate limits, what is open, revision, countdown)
// [SECTION] Reading the model for phones (jobs: owner thread)
// [SECTION] Handlers
// [SECTION] Start and stop
// [SECTION] Local addresses

#include "net/participation.h"

#ifdef _WIN32
#include <winsock2.h>
#include <ws2tcpip.h>
#include <iphlpapi.h>
#else
#include <arpa/inet.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>
#include <sys/socket.h>
#endif

#include <algorithm>
#include <atomic>
#include <charconv>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <map>
#include <mutex>
#include <random>
#include <thread>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "assets.h"
#include "core/enums.h"
#include "core/practices.h"
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

// [SECTION] State shared by the HTTP threads (devices, rate limits, what is open, revision, countdown)

struct Participation::Impl {
    /// A phone that joined: what it said about itself (never a name the projector would not show: the prénom
    /// goes on its ideas as their author).
    struct Device {
        std::string prenom, cite, groupe;
        std::deque<Clock::time_point> ideas;  // accepted for posting, last minute
        std::deque<Clock::time_point> edits;  // changes and deletions accepted, last minute
        int posted = 0;                       // ideas accepted by core
        bool blocked = false;
    };

    /// An idea a device posted, as the device last left it: what tells whether the facilitator changed it since.
    struct OwnIdea {
        Id board = 0;
        Id category = 0;
        std::string text;
        bool hidden = false;
    };

    /// The countdown shown to phones: counted by the server from `anchorSeconds` at `anchorAt`, or `frozen`.
    struct Countdown {
        bool set = false;
        bool frozen = false;
        double anchorSeconds = 0;
        Clock::time_point anchorAt;
        int lastGiven = 0;                // the last value the owner gave
        Clock::time_point lastGivenSince;  // when it last changed
        std::optional<int> secondsLeft(Clock::time_point now) const {
            if (!set) return std::nullopt;
            if (frozen) return static_cast<int>(anchorSeconds);
            const double left = anchorSeconds - std::chrono::duration<double>(now - anchorAt).count();
            return left <= 0 ? 0 : static_cast<int>(std::ceil(left - 1e-9));
        }
    };

    ActionQueue& queue;
    Limits limits;
    std::unique_ptr<httplib::Server> server;
    std::thread thread;
    std::atomic<bool> stopped{true};  // the listening thread has returned
    int port = 0;

    mutable std::mutex mutex;  // guards what follows (HTTP threads and owner)
    std::condition_variable changed;  // the revision changed, a device was blocked or forgotten, or stopping
    std::string code;
    OpenToPhones open;
    std::map<std::string, Device> devices;                            // by token
    std::vector<std::string> joinOrder;                               // tokens of `devices`, in joining order
    std::map<std::string, std::deque<Clock::time_point>> wrongCodes;  // by address
    std::uint64_t modelRevision = 0;  // the session's, as pump() last published it
    std::uint64_t generation = 0;     // changes the owner made outside the model (open, countdown), this opening
    Countdown countdown;
    size_t waitingPolls = 0;
    bool closing = false;

    /// Touched by jobs and owner calls only, on the owner thread: ballots cast by each device (token → vote →
    /// ballot id) and the ideas it posted (token → idea id → as it left it).
    std::map<std::string, std::map<Id, Id>> ballots;
    std::map<std::string, std::map<Id, OwnIdea>> ownIdeas;
    /// The evaluation response each device answered (token → étape → response id), on the owner thread.
    std::map<std::string, std::map<Id, Id>> responses;

    Impl(ActionQueue& q, Limits l) : queue(q), limits(l) {}

    /// What the phones' `revision` is: changes with the model and with what the owner opens or counts down.
    std::uint64_t revisionLocked() const { return modelRevision + generation; }

    /// A change the page shows that is not in the model: the revision moves and the long polls wake.
    void bumpLocked() {
        ++generation;
        changed.notify_all();
    }

    /// The body as a JSON object, or the refusal to send.
    std::optional<Reply> parseBody(const httplib::Request& req, Json& body) const {
        if (!isValidUtf8(req.body)) return refusal(400, tr(Str::NetInvalidUtf8));
        if (jsonDepth(req.body) > kMaxJsonDepth) return refusal(400, tr(Str::NetBadJson));
        body = Json::parse(req.body, nullptr, false);
        if (body.is_discarded() || !body.is_object()) return refusal(400, tr(Str::NetBadJson));
        return std::nullopt;
    }

    /// The 401 for `token` (unknown or blocked), or nothing when it may go on. Call with `mutex` held.
    std::optional<Reply> checkTokenLocked(const std::string& token, Device* copy = nullptr) const {
        const auto it = devices.find(token);
        if (it == devices.end()) return refusal(401, tr(Str::NetBadToken));
        if (it->second.blocked) return refusal(401, tr(Str::NetBlocked));
        if (copy) *copy = it->second;
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
        return checkTokenLocked(token, copy);
    }

    /// Checks the room code of `body` against the per-address limit of wrong codes; the refusal to send, if any.
    std::optional<Reply> checkCode(const httplib::Request& req, const Json& body) {
        const auto now = Clock::now();
        std::lock_guard lock(mutex);
        auto& wrong = wrongCodes[req.remote_addr];
        if (lastMinute(wrong, now) >= static_cast<size_t>(limits.wrongCodesPerMinute))
            return refusal(429, tr(Str::NetTooManyCodes));
        const auto given = body.find("code");
        if (given == body.end() || !given->is_string() || given->get<std::string>() != code) {
            wrong.push_back(now);
            return refusal(403, tr(Str::NetWrongCode));
        }
        return std::nullopt;
    }

    /// Counts one more write in `times` (a device's last minute), or the 429 to send when `max` are reached.
    std::optional<Reply> countWrite(const std::string& token, bool edit) {
        std::lock_guard lock(mutex);
        if (auto refused = checkTokenLocked(token)) return refused;
        Device& device = devices.at(token);
        auto& times = edit ? device.edits : device.ideas;
        const int max = edit ? limits.editsPerMinute : limits.ideasPerMinute;
        if (lastMinute(times, Clock::now()) >= static_cast<size_t>(max))
            return edit ? refusal(429, fmt(Str::NetTooManyEdits, {std::to_string(max)}))
                        : refusal(429, tr(Str::NetTooManyIdeas));
        times.push_back(Clock::now());
        return std::nullopt;
    }

    /// Runs `job` on the owner thread and returns its answer, or 503 when the owner does not take it in time.
    Reply run(Job job) const {
        const std::optional<Reply> reply = queue.post(std::move(job), limits.answerTimeout);
        return reply ? *reply : refusal(503, tr(Str::NetBusy));
    }

    OpenToPhones currentOpen() const {
        std::lock_guard lock(mutex);
        return open;
    }

    // [SECTION] Reading the model for phones (jobs: owner thread)

    static const Vote* findVote(const Etape& etape, Id id) {
        for (const Vote& v : etape.votes)
            if (v.id == id) return &v;
        return nullptr;
    }

    /// The round whose groups phones choose from: the one opened, else the latest with groups; -1 when none.
    static int joinRound(const Etape& etape, const OpenToPhones& opened) {
        const auto& rounds = etape.groups.rounds;
        if (opened.round) return *opened.round >= 0 && static_cast<size_t>(*opened.round) < rounds.size() ? *opened.round : -1;
        for (size_t r = rounds.size(); r-- > 0;)
            if (!rounds[r].groups.empty()) return static_cast<int>(r);
        return -1;
    }

    /// The device's ballot in `vote` when it is still there (the facilitator may have withdrawn it).
    const StoredBallot* ballotOf(const std::string& token, const Vote& vote) const {
        const auto device = ballots.find(token);
        if (device == ballots.end()) return nullptr;
        const auto id = device->second.find(vote.id);
        if (id == device->second.end()) return nullptr;
        for (const StoredBallot& b : vote.ballots)
            if (b.id == id->second) return &b;
        return nullptr;
    }

    /// Whether the device may still change its idea: the facilitator has not moved it to another column, put it
    /// in a cluster, merged another into it, changed its text or hidden it since the device last left it.
    static bool untouched(const Idea& idea, const OwnIdea& own) {
        return idea.category == own.category && !idea.cluster && idea.merged.empty() && idea.text == own.text &&
               (!idea.hidden || own.hidden);
    }

    /// The device's response to `etape`'s evaluation when it is still there (the facilitator may have removed it).
    const EvaluationResponse* responseOf(const std::string& token, const Etape& etape) const {
        const auto device = responses.find(token);
        if (device == responses.end()) return nullptr;
        const auto id = device->second.find(etape.id);
        if (id == device->second.end()) return nullptr;
        for (const EvaluationResponse& r : etape.evaluation.responses)
            if (r.id == id->second) return &r;
        return nullptr;
    }

    /// The questionnaire as phones show it, with the device's own answers.
    Json evaluationState(const Model& model, const Etape& etape, const std::string& token) const {
        const Evaluation& evaluation = etape.evaluation;
        Json questions = Json::array();
        for (const EvaluationQuestion& q : evaluation.questions)
            questions.push_back({{"id", q.id}, {"texte", q.text}, {"type", enumKey(q.kind)}});
        Json practices = Json::array();
        for (const Practice* p : practicesOfEtape(model, etape.id)) {
            const Territory* cite = p->cite ? model.territory(*p->cite) : nullptr;
            practices.push_back({{"id", p->id}, {"titre", p->title}, {"cite", cite ? Json(cite->name) : Json()}});
        }
        const EvaluationResponse* response = responseOf(token, etape);
        const Json mine = response ? writeEvaluationResponse(*response, evaluation) : Json();
        return Json{{"questions", questions}, {"mentions", evaluation.scale()}, {"pratiques", practices},
                    {"a_repondu", response != nullptr}, {"mes_reponses", mine}};
    }

    // [SECTION] Handlers

    Reply room(const httplib::Request& req) {
        Json body;
        if (auto refused = parseBody(req, body)) return *refused;
        if (auto refused = checkCode(req, body)) return *refused;
        const OpenToPhones opened = currentOpen();
        return run([opened](const Model& model, Session&) {
            const Etape* etape = model.etape(opened.etape);
            if (!etape) return refusal(409, tr(Str::NetNoEtape));
            Json cites = Json::array();
            for (const Territory& t : model.territories)
                if (t.cite) cites.push_back(t.name);
            Json groups = Json::array();
            if (const int r = joinRound(*etape, opened); r >= 0) {
                const auto& round = etape->groups.rounds[static_cast<size_t>(r)].groups;
                for (size_t g = 0; g < round.size(); ++g)
                    groups.push_back(round[g].name.empty() ? fmt(Str::GroupName, {std::to_string(g + 1)})
                                                           : round[g].name);
            }
            return answer(200, Json{{"etape", {{"numero", etape->header.number}, {"titre", etape->header.theme}}},
                                    {"cites", cites},
                                    {"groupes", groups}});
        });
    }

    Reply join(const httplib::Request& req) {
        Json body;
        if (auto refused = parseBody(req, body)) return *refused;
        if (auto refused = checkCode(req, body)) return *refused;
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
            joinOrder.push_back(token);
        }
        return answer(200, Json{{"jeton", token}});
    }

    /// Waits until the revision differs from `seen`, the device is blocked or forgotten, the server stops, or
    /// the long poll's time is over. False when the server is stopping.
    bool waitForChange(const std::string& token, std::uint64_t seen) {
        std::unique_lock lock(mutex);
        if (waitingPolls >= limits.maxWaitingPolls) return !closing;  // too many waiting: answer at once
        ++waitingPolls;
        changed.wait_for(lock, limits.longPoll, [&] {
            if (closing || revisionLocked() != seen) return true;
            const auto it = devices.find(token);
            return it == devices.end() || it->second.blocked;
        });
        --waitingPolls;
        return !closing;
    }

    Reply state(const httplib::Request& req) {
        std::string token;
        if (auto refused = authorise(req, token)) return *refused;
        if (req.has_param("revision")) {
            const std::string text = req.get_param_value("revision");
            std::uint64_t seen = 0;
            const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), seen);
            if (error == std::errc() && end == text.data() + text.size() && !waitForChange(token, seen))
                return refusal(503, tr(Str::NetBusy));
        }
        Device device;
        {
            std::lock_guard lock(mutex);
            if (auto refused = checkTokenLocked(token, &device)) return *refused;
        }
        const OpenToPhones opened = currentOpen();
        return run([this, opened, token, device](const Model& model, Session& session) {
            const Etape* etape = model.etape(opened.etape);
            if (!etape) return refusal(409, tr(Str::NetNoEtape));
            Json out;
            out["etape"] = {{"numero", etape->header.number}, {"titre", etape->header.theme}};
            const Board* board = opened.board ? etape->board(*opened.board) : nullptr;
            const Vote* vote = opened.vote ? findVote(*etape, *opened.vote) : nullptr;
            // The evaluation, once opened, takes the page over: it closes the day.
            const bool evaluating = opened.evaluation && !etape->evaluation.questions.empty();
            out["activite"] = evaluating ? "evaluation" : vote && vote->setup.open ? "vote" : board ? "idees" : "attente";
            out["evaluation"] = evaluating ? evaluationState(model, *etape, token) : Json();
            if (board) {
                Json columns = Json::array();
                for (const BoardCategory& c : board->categories) columns.push_back({{"id", c.id}, {"nom", c.name}});
                out["tableau"] = {{"id", board->id}, {"titre", board->title}, {"colonnes", columns},
                                  {"masque", board->hideNew}};
            } else {
                out["tableau"] = nullptr;
            }
            if (vote) {
                const VoteSetup& s = vote->setup;
                Json v = {{"id", vote->id}, {"question", s.question}, {"methode", enumKey(s.method)},
                          {"propositions", s.options}};
                if (s.method == VoteMethod::Majority) v["mentions"] = s.grades.empty() ? defaultGradeScale() : s.grades;
                if (s.method == VoteMethod::Dot) v["points_par_votant"] = s.dotsPerVoter;
                const StoredBallot* mine = ballotOf(token, *vote);
                v["a_vote"] = mine != nullptr;
                v["mon_bulletin"] = mine ? writeBallot(mine->ballot, *vote) : Json();
                out["vote"] = v;
            } else {
                out["vote"] = nullptr;
            }
            out["moi"] = {{"prenom", device.prenom}, {"cite", device.cite}, {"groupe", device.groupe}};
            std::lock_guard lock(mutex);
            const std::optional<int> left = countdown.secondsLeft(Clock::now());
            out["minuteur_s"] = left ? Json(*left) : Json();
            out["revision"] = session.revision() + generation;
            return answer(200, out);
        });
    }

    Reply ideas(const httplib::Request& req) {
        std::string token;
        if (auto refused = authorise(req, token)) return *refused;
        const OpenToPhones opened = currentOpen();
        return run([this, opened, token](const Model& model, Session&) {
            const Etape* etape = model.etape(opened.etape);
            const Board* board = etape && opened.board ? etape->board(*opened.board) : nullptr;
            if (!board) return refusal(409, tr(Str::NetNoBoard));
            const auto owned = ownIdeas.find(token);
            Json mine = Json::array(), others = Json::array();
            for (const Idea& idea : board->ideas) {
                const OwnIdea* own = nullptr;
                if (owned != ownIdeas.end())
                    if (const auto it = owned->second.find(idea.id); it != owned->second.end()) own = &it->second;
                if (own && own->board == board->id)
                    mine.push_back({{"id", idea.id}, {"texte", idea.text}, {"colonne", idea.category},
                                    {"modifiable", untouched(idea, *own)}});
                else if (!board->hideNew && !idea.hidden)
                    others.push_back({{"texte", idea.text}, {"colonne", idea.category}});
            }
            return answer(200, Json{{"miennes", mine}, {"autres", others}});
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
        if (auto refused = countWrite(token, false)) return *refused;
        const OpenToPhones opened = currentOpen();
        Idea idea;
        idea.text = text->get<std::string>();
        idea.group = device.groupe;
        idea.author = device.prenom;
        idea.time = unixNow();
        idea.entry = IdeaEntry::Phone;
        return run([this, opened, idea, column, token](const Model& model, Session& session) mutable {
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
            const Id boardId = board->id;
            const Id id = model.nextId;  // what Session::apply gives a new idea
            const Status status = session.apply(AddIdea{opened.etape, boardId, idea});
            if (!status) return refusal(status.notSaved ? 500 : 400, status.message);
            if (const Etape* e = session.model().etape(opened.etape))
                if (const Board* b = e->board(boardId))
                    if (const Idea* added = b->idea(id))
                        ownIdeas[token][id] = OwnIdea{boardId, added->category, added->text, added->hidden};
            {
                std::lock_guard lock(mutex);
                if (const auto it = devices.find(token); it != devices.end()) ++it->second.posted;
            }
            return answer(201, Json{{"id", id}});
        });
    }

    /// PUT (new text) or DELETE (`text` none) of one of the device's ideas, on the board open to phones.
    Reply changeIdea(const httplib::Request& req, std::optional<std::string> text) {
        std::string token;
        if (auto refused = authorise(req, token)) return *refused;
        Id id = 0;
        const std::string path = req.matches.size() > 1 ? req.matches[1].str() : std::string();
        if (std::from_chars(path.data(), path.data() + path.size(), id).ec != std::errc())
            return refusal(404, tr(Str::NetIdeaNotYours));
        if (text) {
            Json body;
            if (auto refused = parseBody(req, body)) return *refused;
            const auto given = body.find("texte");
            if (given == body.end()) return refusal(400, fmt(Str::ErrVoteMissingKey, {"texte"}));
            if (!given->is_string()) return refusal(400, fmt(Str::ErrVoteFieldType, {"texte", tr(Str::TypeText)}));
            text = given->get<std::string>();
        }
        if (auto refused = countWrite(token, true)) return *refused;
        const OpenToPhones opened = currentOpen();
        return run([this, opened, token, id, text](const Model& model, Session& session) {
            const auto owned = ownIdeas.find(token);
            if (owned == ownIdeas.end() || !owned->second.count(id)) return refusal(404, tr(Str::NetIdeaNotYours));
            OwnIdea& own = owned->second.at(id);
            const Etape* etape = model.etape(opened.etape);
            const Board* board = etape ? etape->board(own.board) : nullptr;
            const Idea* idea = board ? board->idea(id) : nullptr;
            if (!idea) return refusal(404, tr(Str::NetIdeaNotYours));  // deleted or merged into another
            if (!opened.board || *opened.board != own.board) return refusal(409, tr(Str::NetIdeaBoardClosed));
            if (!untouched(*idea, own)) return refusal(409, tr(Str::NetIdeaMoved));
            Status status;
            if (text) {
                status = session.apply(EditIdea{opened.etape, own.board, id, *text, idea->group, idea->author});
                if (status)
                    if (const Idea* edited = session.model().etape(opened.etape)->board(own.board)->idea(id))
                        own.text = edited->text;
            } else {
                status = session.apply(RemoveIdea{opened.etape, own.board, id});
                if (status) owned->second.erase(id);
            }
            if (!status) return refusal(status.notSaved ? 500 : 400, status.message);
            return answer(200, Json{{"id", id}});
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
            const Vote* vote = etape && opened.vote && *opened.vote == asked ? findVote(*etape, asked) : nullptr;
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

    Reply postEvaluation(const httplib::Request& req) {
        std::string token;
        Device device;
        if (auto refused = authorise(req, token, &device)) return *refused;
        Json body;
        if (auto refused = parseBody(req, body)) return *refused;
        if (auto refused = countWrite(token, true)) return *refused;
        const OpenToPhones opened = currentOpen();
        return run([this, opened, token, device, body](const Model& model, Session& session) {
            const Etape* etape = model.etape(opened.etape);
            if (!etape) return refusal(409, tr(Str::NetNoEtape));
            if (!opened.evaluation || etape->evaluation.questions.empty())
                return refusal(409, tr(Str::NetNoEvaluation));
            EvaluationResponse response;
            if (std::string error = readEvaluationResponse(body, etape->evaluation, response); !error.empty())
                return refusal(400, error);
            if (!device.cite.empty())
                if (const Territory* t = model.territoryByName(device.cite)) response.territory = t->id;
            // One response per device: a new one replaces the one it sent, when that is still there (one undo step).
            const EvaluationResponse* previous = responseOf(token, *etape);
            Status status;
            Id id = 0;
            if (previous) {
                id = response.id = previous->id;
                const int index = indexOf(etape->evaluation.responses, previous->id);
                status = session.applyAll({RemoveEvaluationResponse{opened.etape, previous->id},
                                           AddEvaluationResponse{opened.etape, response, index}},
                                          fmt(Str::ActChangeEvaluationResponse, {std::to_string(etape->header.number)}));
            } else {
                id = model.nextId;  // what Session::apply gives a new response
                status = session.apply(AddEvaluationResponse{opened.etape, response, -1});
            }
            if (!status) return refusal(status.notSaved ? 500 : 400, status.message);
            responses[token][opened.etape] = id;
            return answer(200, Json{{"id", id}});
        });
    }

    /// The participant page's files, embedded from assets/.
    static void page(httplib::Response& res, std::string_view name, const char* type) {
        const std::string_view content = asset(name);
        if (content.empty()) return send(res, refusal(404, fmt(Str::NetNoAsset, {std::string(name)})));
        res.status = 200;
        res.set_content(std::string(content), type);
    }

    void routes() {
        httplib::Server& s = *server;
        // SO_REUSEADDR only: httplib's default adds SO_REUSEPORT, with which a second server would share a busy
        // port instead of moving to the next one.
        s.set_socket_options([](socket_t sock) {
            int yes = 1;
#ifdef _WIN32
            // Windows: SO_REUSEADDR would let a second server steal a bound port; SO_EXCLUSIVEADDRUSE is what
            // makes a busy port refuse, as SO_REUSEADDR alone does on Linux.
            setsockopt(sock, SOL_SOCKET, SO_EXCLUSIVEADDRUSE, reinterpret_cast<const char*>(&yes), sizeof yes);
#else
            setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
#endif
        });
        // Each waiting long poll holds a thread: enough of them for a room, the waiting ones capped below that.
        const size_t threads = std::max<size_t>(limits.threads, 2);
        s.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
        s.set_payload_max_length(limits.maxBody);
        s.set_default_headers({{"Content-Security-Policy", "default-src 'self'"}, {"Cache-Control", "no-store"},
                               {"X-Content-Type-Options", "nosniff"}});
        using Req = const httplib::Request&;
        using Res = httplib::Response&;
        s.Get("/", [](Req, Res res) { page(res, "participer.html", "text/html; charset=utf-8"); });
        s.Get("/participer.css", [](Req, Res res) { page(res, "participer.css", "text/css; charset=utf-8"); });
        s.Get("/participer.js", [](Req, Res res) { page(res, "participer.js", "text/javascript; charset=utf-8"); });
        s.Post("/api/salle", [this](Req req, Res res) { send(res, room(req)); });
        s.Post("/api/rejoindre", [this](Req req, Res res) { send(res, join(req)); });
        s.Get("/api/etat", [this](Req req, Res res) { send(res, state(req)); });
        s.Get("/api/idees", [this](Req req, Res res) { send(res, ideas(req)); });
        s.Post("/api/idees", [this](Req req, Res res) { send(res, postIdea(req)); });
        s.Put(R"(/api/idees/(\d{1,20}))", [this](Req req, Res res) { send(res, changeIdea(req, std::string())); });
        s.Delete(R"(/api/idees/(\d{1,20}))", [this](Req req, Res res) { send(res, changeIdea(req, std::nullopt)); });
        s.Post("/api/bulletin", [this](Req req, Res res) { send(res, postBallot(req)); });
        s.Post("/api/evaluation", [this](Req req, Res res) { send(res, postEvaluation(req)); });
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
        impl_->joinOrder.clear();
        impl_->wrongCodes.clear();
        impl_->generation = 0;  // every token of the last opening is forgotten: no phone holds an older revision
        impl_->closing = false;
    }
    impl_->ballots.clear();
    impl_->ownIdeas.clear();
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
    {
        std::lock_guard lock(impl_->mutex);
        impl_->closing = true;  // waiting long polls answer now
        impl_->changed.notify_all();
    }
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
    if (impl_->open == open) return;
    impl_->open = open;
    impl_->bumpLocked();
}

OpenToPhones Participation::open() const {
    std::lock_guard lock(impl_->mutex);
    return impl_->open;
}

size_t Participation::devices() const {
    std::lock_guard lock(impl_->mutex);
    size_t count = 0;
    for (const auto& [token, device] : impl_->devices) count += device.blocked ? 0 : 1;
    return count;
}

std::vector<DeviceInfo> Participation::deviceList() const {
    std::lock_guard lock(impl_->mutex);
    std::vector<DeviceInfo> out;
    for (const std::string& token : impl_->joinOrder) {
        const auto it = impl_->devices.find(token);
        if (it == impl_->devices.end()) continue;
        const Impl::Device& d = it->second;
        out.push_back(DeviceInfo{token, d.prenom, d.cite, d.groupe, d.posted, d.blocked});
    }
    return out;
}

void Participation::blockDevice(const std::string& token) {
    std::lock_guard lock(impl_->mutex);
    const auto it = impl_->devices.find(token);
    if (it == impl_->devices.end() || it->second.blocked) return;
    it->second.blocked = true;
    impl_->changed.notify_all();  // its waiting long poll answers 401 now
}

std::string Participation::newCode() {
    std::lock_guard lock(impl_->mutex);
    std::string fresh = randomCode();
    while (fresh == impl_->code) fresh = randomCode();
    impl_->code = fresh;
    impl_->devices.clear();
    impl_->joinOrder.clear();
    impl_->ballots.clear();
    impl_->ownIdeas.clear();
    impl_->changed.notify_all();  // waiting long polls answer 401 now
    return fresh;
}

void Participation::setCountdown(std::optional<int> seconds) {
    const auto now = Clock::now();
    std::lock_guard lock(impl_->mutex);
    Impl::Countdown& c = impl_->countdown;
    if (!seconds) {
        if (c.set) {
            c = {};
            impl_->bumpLocked();
        }
        return;
    }
    const int given = std::max(0, *seconds);
    const bool sameAsLast = c.set && given == c.lastGiven;
    if (!sameAsLast) {
        c.lastGiven = given;
        c.lastGivenSince = now;
    }
    if (c.set && c.frozen) {
        if (given == static_cast<int>(c.anchorSeconds)) return;  // still paused
    } else if (c.set) {
        const double counted = c.anchorSeconds - std::chrono::duration<double>(now - c.anchorAt).count();
        if (std::abs(given - std::max(0.0, counted)) <= 1.5) return;  // agrees with the server's count
        if (sameAsLast && now - c.lastGivenSince > std::chrono::milliseconds(1500)) {
            c.frozen = true;  // the owner keeps giving the same value: its countdown is paused
            c.anchorSeconds = given;
            impl_->bumpLocked();
            return;
        }
    }
    c.set = true;
    c.frozen = false;
    c.anchorSeconds = given;
    c.anchorAt = now;
    impl_->bumpLocked();
}

int Participation::pump(Session& session) {
    const int ran = queue_.drain(session);
    std::lock_guard lock(impl_->mutex);
    const std::uint64_t revision = session.revision();
    if (revision != impl_->modelRevision) {
        // Another session (a data folder opened again) may count from lower: the sum must still move forward.
        if (revision < impl_->modelRevision) impl_->generation += impl_->modelRevision - revision + 1;
        impl_->modelRevision = revision;
        impl_->changed.notify_all();
    }
    return ran;
}

// [SECTION] Local addresses

std::vector<std::string> localAddresses() {
    std::vector<std::string> out;
#ifdef _WIN32
    // The IPv4 addresses of the adapters that are up, loopback left out (GetAdaptersAddresses).
    ULONG size = 16 * 1024;
    std::vector<unsigned char> buffer;
    ULONG rc = ERROR_BUFFER_OVERFLOW;
    for (int attempt = 0; attempt < 3 && rc == ERROR_BUFFER_OVERFLOW; ++attempt) {
        buffer.resize(size);
        rc = ::GetAdaptersAddresses(AF_INET, GAA_FLAG_SKIP_ANYCAST | GAA_FLAG_SKIP_MULTICAST | GAA_FLAG_SKIP_DNS_SERVER,
                                    nullptr, reinterpret_cast<IP_ADAPTER_ADDRESSES*>(buffer.data()), &size);
    }
    if (rc != NO_ERROR) return out;
    for (auto* a = reinterpret_cast<IP_ADAPTER_ADDRESSES*>(buffer.data()); a; a = a->Next) {
        if (a->OperStatus != IfOperStatusUp || a->IfType == IF_TYPE_SOFTWARE_LOOPBACK) continue;
        for (auto* u = a->FirstUnicastAddress; u; u = u->Next) {
            if (!u->Address.lpSockaddr || u->Address.lpSockaddr->sa_family != AF_INET) continue;
            char text[INET_ADDRSTRLEN] = {};
            const auto* in = reinterpret_cast<const sockaddr_in*>(u->Address.lpSockaddr);
            if (inet_ntop(AF_INET, &in->sin_addr, text, sizeof text) && std::string_view(text).rfind("127.", 0) != 0)
                out.emplace_back(text);
        }
    }
    return out;
#else
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
#endif
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
