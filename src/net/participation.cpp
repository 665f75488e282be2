// [SECTION] Helpers: JSON answers, random codes and tokens
// [SECTION] The feed: what phones see, published once per change and shared by every phone
// [SECTION] State: devices, limits, what is open, jobs, waiting polls
// [SECTION] Publishing the feed (owner thread)
// [SECTION] Answers composed from the feed (any thread, no model)
// [SECTION] Handlers (the HTTP server's thread)
// [SECTION] Jobs (owner thread): joining's room, ideas, ballots, evaluation
// [SECTION] The dispatcher thread: long polls answered, jobs not taken refused
// [SECTION] Start, stop and the owner's calls

#include "net/participation.h"

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
#include <set>
#include <thread>
#include <unordered_set>

#include <nlohmann/json.hpp>

#include "assets.h"
#include "core/enums.h"
#include "core/practices.h"
#include "core/strings.h"
#include "core/text.h"
#include "net/ballot_json.h"
#include "net/digest.h"
#include "net/http_server.h"

namespace atelier::net {

namespace {

using Json = nlohmann::json;
using Clock = std::chrono::steady_clock;

// [SECTION] Helpers: JSON answers, random codes and tokens

/// What a handler or a job answers: an HTTP status and its JSON body.
struct Reply {
    int status = 200;
    std::string body;
};

std::string dump(const Json& json) { return json.dump(-1, ' ', false, Json::error_handler_t::replace); }

Reply answer(int status, const Json& body) { return Reply{status, dump(body)}; }
Reply refusal(int status, const std::string& message) { return answer(status, Json{{"erreur", message}}); }
HttpAnswer toHttp(Reply reply) { return HttpAnswer{reply.status, std::move(reply.body), "application/json; charset=utf-8"}; }

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

/// Times within the last `window`, older ones dropped.
size_t within(std::deque<Clock::time_point>& times, Clock::time_point now, Clock::duration window) {
    while (!times.empty() && now - times.front() >= window) times.pop_front();
    return times.size();
}

/// What the server keeps of a token: its digest (issue 28 point 4: the data folder never holds a token).
std::string deviceKey(const std::string& token) { return sha256Hex("jeton:" + token); }
/// Where a device's ballot in `vote` is kept: a digest only the phone (which holds the token) can make again, so
/// that nothing stored ties a ballot to a device or a name.
std::string ballotKey(const std::string& token, Id vote) { return sha256Hex("bulletin:" + token + ":" + std::to_string(vote)); }
/// The same for its answers to the evaluation of `etape`.
std::string responseKey(const std::string& token, Id etape) {
    return sha256Hex("evaluation:" + token + ":" + std::to_string(etape));
}

/// `object` (a JSON object's text) with `members` (« "a":1,"b":2 ») added before its closing brace.
std::string withMembers(const std::string& object, const std::string& members) {
    if (object.size() < 2 || object.back() != '}') return object;
    std::string out = object.substr(0, object.size() - 1);
    if (out.size() > 1) out += ',';
    out += members;
    out += '}';
    return out;
}

const char* const kNoBallot = "\"a_vote\":false,\"mon_bulletin\":null";
const char* const kNoResponse = "\"a_repondu\":false,\"mes_reponses\":null";

// [SECTION] The feed: what phones see, published once per change and shared by every phone

/// One section of the state as JSON text, with the revision of the feed that last changed it.
struct Section {
    std::string json = "null";
    std::uint64_t since = 0;
};

/// An idea of the board open to phones, as phones see it.
struct IdeaView {
    std::string text;
    Id category = 0;
    bool visible = false;     // others see it (the board does not hide new ideas, the idea is not hidden)
    std::string owner;        // the key of the device that posted it; empty: typed at the laptop
    bool modifiable = false;  // its device may still change it
    std::string publicJson;   // {"id", "texte", "colonne"}
    std::string ownerJson;    // the same with "mienne": true and "modifiable"
    std::uint64_t since = 0;
};

/// What every phone sees, at one revision. Immutable once published: answers read it without a lock.
struct Feed {
    std::uint64_t revision = 0;
    std::uint64_t oldest = 0;  // changes after any revision from this one on are in `log`; before: whole state
    Section etape, activite, tableau, vote, evaluation;
    Id voteId = 0;          // the vote in `vote`
    Id evaluationEtape = 0;  // the étape whose questionnaire is in `evaluation`
    Id board = 0;
    std::map<Id, std::shared_ptr<const IdeaView>> ideas;
    std::vector<std::pair<std::uint64_t, Id>> log;  // (revision, idea changed or removed), in revision order
};

constexpr size_t kMaxLog = 20000;  // entries of the ideas' log kept; a phone further behind gets the whole state

/// An idea a device posted, as the device last left it: what tells whether the facilitator changed it since.
struct OwnIdea {
    Id board = 0;
    Id category = 0;
    std::string text;
    bool hidden = false;
};

/// Whether the device may still change its idea: the facilitator has not moved it to another column, put it
/// in a cluster, merged another into it, changed its text or hidden it since the device last left it.
bool untouched(const Idea& idea, const OwnIdea& own) {
    return idea.category == own.category && !idea.cluster && idea.merged.empty() && idea.text == own.text &&
           (!idea.hidden || own.hidden);
}

const Vote* findVote(const Etape& etape, Id id) {
    for (const Vote& v : etape.votes)
        if (v.id == id) return &v;
    return nullptr;
}

/// The round whose groups phones choose from: the one opened, else the latest with groups; -1 when none.
int joinRound(const Etape& etape, const OpenToPhones& opened) {
    const auto& rounds = etape.groups.rounds;
    if (opened.round) return *opened.round >= 0 && static_cast<size_t>(*opened.round) < rounds.size() ? *opened.round : -1;
    for (size_t r = rounds.size(); r-- > 0;)
        if (!rounds[r].groups.empty()) return static_cast<int>(r);
    return -1;
}

}  // namespace

// [SECTION] State: devices, limits, what is open, jobs, waiting polls

struct Participation::Impl {
    /// A phone that joined: what it said about itself (never a name the projector would not show: the prénom
    /// goes on its ideas as their author), its limits, and its own parts of the state.
    struct Device {
        std::string prenom, cite, groupe, address;
        std::string token;                    // learnt when it calls (never stored); empty after a restart until then
        std::string moi;                      // {"prenom", "cite", "groupe"}
        std::deque<Clock::time_point> ideas;  // accepted for posting, last minute
        std::deque<Clock::time_point> edits;  // changes and deletions accepted, last minute
        int posted = 0;                       // ideas accepted by core
        bool blocked = false;
        bool replaced = false;                // another phone voted in the name of its person
        bool fresh = true;                    // its own parts are not computed yet (just joined, or back after a
                                              // restart): the next publish does, without waking anyone
        Id person = 0;                        // the registration it votes for (« un bulletin par personne »)
        Id voteOf = 0;                        // the vote `votePart` speaks of
        std::string votePart = kNoBallot;     // "a_vote", "mon_bulletin"
        std::uint64_t voteSince = 0;
        Id evaluationOf = 0;                  // the étape `evaluationPart` speaks of
        std::string evaluationPart = kNoResponse;  // "a_repondu", "mes_reponses"
        std::uint64_t evaluationSince = 0;
    };

    /// The countdown shown to phones: counted by the server from `anchorSeconds` at `anchorAt`, or `frozen`.
    struct Countdown {
        bool set = false;
        bool frozen = false;
        bool saidPaused = false;           // frozen because the owner said so (it will say when it runs again)
        double anchorSeconds = 0;
        Clock::time_point anchorAt;
        int lastGiven = 0;                 // the last value the owner gave
        Clock::time_point lastGivenSince;  // when it last changed
        std::optional<int> secondsLeft(Clock::time_point now) const {
            if (!set) return std::nullopt;
            if (frozen) return static_cast<int>(anchorSeconds);
            const double left = anchorSeconds - std::chrono::duration<double>(now - anchorAt).count();
            return left <= 0 ? 0 : static_cast<int>(std::ceil(left - 1e-9));
        }
    };

    using Job = std::function<Reply(const Model& model, Session& session)>;
    struct PendingJob {
        Job run;
        HttpHandle exchange;
        Clock::time_point deadline;
    };
    /// A request answered from the feed by the dispatcher: a long poll (when the feed moves past `seen`, or at
    /// `deadline`), or a read that needs the feed as the next pump publishes it (`afterPump`: the owner may have
    /// changed the model or what is open a moment ago; a read never sees an older state than the one before it).
    struct Waiter {
        HttpHandle exchange;
        std::string key;  // the device's
        std::uint64_t seen = 0;
        bool changes = false;  // answered with what changed (else the whole state)
        Clock::time_point deadline;
        std::optional<std::uint64_t> afterPump;  // answered at once once pumps has passed this
        bool ideas = false;                      // GET /api/idees
    };

    Limits limits;
    std::function<void()> wakeOwner;  // set before start(): the owner's loop wakes for a job or a new phone
    std::unique_ptr<HttpServer> http;
    std::thread dispatcher;

    mutable std::mutex mutex;  // guards what follows (HTTP thread, dispatcher, owner)
    std::condition_variable poke;  // the dispatcher has something to look at
    bool poked = false;
    bool stopDispatcher = false;
    bool closing = false;
    std::string code;
    OpenToPhones open;
    std::map<std::string, Device> devices;                            // by key (the digest of the token)
    std::vector<std::string> joinOrder;                               // keys of `devices`, in joining order
    std::map<std::string, std::deque<Clock::time_point>> wrongCodes;  // by address
    std::map<std::string, std::deque<Clock::time_point>> joins;       // by address, within joinWindow
    std::set<std::string> blockedAddresses;
    Countdown countdown;
    bool ownerDirty = true;  // the owner changed what is open or the countdown: publish
    bool freshDevices = false;  // a device's own parts wait for the next publish
    std::shared_ptr<const Feed> feed;
    std::vector<PendingJob> jobs;
    std::vector<Waiter> waiters;
    size_t reads = 0;          // waiters that wait for the next pump only
    std::uint64_t pumps = 0;   // publish() calls so far
    Clock::time_point lastWake;

    /// Owner thread only: ballots cast by the devices (ballotKey → ballot id), the ideas each posted (device key
    /// → idea id → as it left it) and who posted each idea, the evaluation responses (responseKey → response),
    /// the keys of its posts (device key → key → idea), the devices whose own parts changed, writes that failed.
    std::map<std::string, Id> ballots;
    std::map<std::string, std::map<Id, OwnIdea>> ownIdeas;
    std::map<Id, std::string> ideaOwner;
    std::map<std::string, Id> responses;
    std::map<std::string, std::map<std::string, Id>> postKeys;
    std::vector<std::pair<std::string, std::string>> batchKeys;  // (device, key) added by this pump's jobs
    /// Votes « un bulletin par personne présente »: the ballot of each (person, vote), in memory only (which person
    /// cast which ballot is never stored), and the (person, vote) that have a ballot (stored: after a restart, a
    /// second phone cannot add one).
    std::map<std::pair<Id, Id>, Id> personBallots;
    std::set<std::pair<Id, Id>> personVoted;
    std::atomic<std::uint64_t> memoryVersion{0};  // moves whenever memory() would change
    bool remembered = false;                      // remember() ran: start() keeps the devices
    std::set<std::string> personalChanged;
    std::uint64_t revisionCounter = 0;
    std::uint64_t publishedModel = 0;
    bool published = false;
    std::vector<std::string> failures;

    explicit Impl(Limits l) : limits(l) {
        // Revisions never repeat across openings and runs: a phone that kept one from before is told everything.
        revisionCounter = static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                                         std::chrono::system_clock::now().time_since_epoch())
                                                         .count()) *
                          1000u;
    }

    void wakeDispatcherLocked() {
        poked = true;
        poke.notify_all();
    }

    /// Every device forgotten, with what it posted and cast (a new code, a new room). On the owner thread, with
    /// `mutex` held.
    void forgetDevicesLocked() {
        devices.clear();
        joinOrder.clear();
        joins.clear();
        blockedAddresses.clear();
        ballots.clear();
        ownIdeas.clear();
        ideaOwner.clear();
        responses.clear();
        postKeys.clear();
        personBallots.clear();
        personVoted.clear();
        ++memoryVersion;
    }

    // [SECTION] Publishing the feed (owner thread)

    static void setSection(Section& section, std::string json, std::uint64_t revision, bool& changed) {
        if (section.json == json) return;
        section.json = std::move(json);
        section.since = revision;
        changed = true;
    }

    static std::string etapeJson(const Etape* etape) {
        if (!etape) return "null";
        return dump(Json{{"numero", etape->header.number}, {"titre", etape->header.theme}});
    }

    /// « Awa D. »: a first name and an initial, enough to find oneself in a list shown to the room.
    static std::string shortName(const std::string& name) {
        const std::string full(trim(name));
        const size_t space = full.find(' ');
        if (space == std::string::npos) return full;
        const size_t last = full.find_last_of(' ');
        std::string out = full.substr(0, space) + " ";
        const std::string rest = full.substr(last + 1);
        size_t n = 1;  // one UTF-8 character
        while (n < rest.size() && (static_cast<unsigned char>(rest[n]) & 0xC0) == 0x80) ++n;
        return out + rest.substr(0, n) + ".";
    }

    /// The people checked in for `etape`, as phones choose among them: {"id": registration, "nom"}, by name; a
    /// short name shared by two people is given in full.
    static Json peoplePresent(const Model& model, const Etape& etape) {
        std::vector<std::pair<std::string, Id>> people;
        std::vector<std::string> full;
        for (const Registration& r : etape.registrations)
            if (r.present)
                if (const Person* p = model.person(r.person)) {
                    people.emplace_back(shortName(p->name), r.id);
                    full.push_back(std::string(trim(p->name)));
                }
        for (size_t i = 0; i < people.size(); ++i)
            for (size_t j = 0; j < people.size(); ++j)
                if (i != j && people[i].first == people[j].first && full[i] != people[i].first) people[i].first = full[i];
        std::sort(people.begin(), people.end(), [](const auto& a, const auto& b) {
            return foldForSearch(a.first) < foldForSearch(b.first);
        });
        Json out = Json::array();
        for (const auto& [name, id] : people) out.push_back({{"id", id}, {"nom", name}});
        return out;
    }

    static std::string voteJson(const Model& model, const Etape* etape, const Vote* vote) {
        if (!vote || !etape) return "null";
        const VoteSetup& s = vote->setup;
        Json v = {{"id", vote->id}, {"question", s.question}, {"methode", enumKey(s.method)}, {"propositions", s.options}};
        if (s.method == VoteMethod::Majority) v["mentions"] = s.grades.empty() ? defaultGradeScale() : s.grades;
        if (s.method == VoteMethod::Dot) v["points_par_votant"] = s.dotsPerVoter;
        if (s.perPerson) {
            v["par_personne"] = true;
            v["personnes"] = peoplePresent(model, *etape);
        }
        return dump(v);
    }

    static std::string evaluationJson(const Model& model, const Etape& etape) {
        const Evaluation& evaluation = etape.evaluation;
        Json questions = Json::array();
        for (const EvaluationQuestion& q : evaluation.questions)
            questions.push_back({{"id", q.id}, {"texte", q.text}, {"type", enumKey(q.kind)}});
        Json practices = Json::array();
        for (const Practice* p : practicesOfEtape(model, etape.id)) {
            const Territory* cite = p->cite ? model.territory(*p->cite) : nullptr;
            practices.push_back({{"id", p->id}, {"titre", p->title}, {"cite", cite ? Json(cite->name) : Json()}});
        }
        return dump(Json{{"questions", questions}, {"mentions", evaluation.scale()}, {"pratiques", practices}});
    }

    /// The device's ballot in `vote` when it is still there (the facilitator may have withdrawn it).
    const StoredBallot* ballotOf(const std::string& token, const Vote& vote) const {
        const auto id = ballots.find(ballotKey(token, vote.id));
        if (id == ballots.end()) return nullptr;
        for (const StoredBallot& b : vote.ballots)
            if (b.id == id->second) return &b;
        return nullptr;
    }

    /// The device's response to `etape`'s evaluation when it is still there.
    const EvaluationResponse* responseOf(const std::string& token, const Etape& etape) const {
        const auto id = responses.find(responseKey(token, etape.id));
        if (id == responses.end()) return nullptr;
        for (const EvaluationResponse& r : etape.evaluation.responses)
            if (r.id == id->second) return &r;
        return nullptr;
    }

    std::string votePartOf(const std::string& token, Id person, const Vote& vote) const {
        const StoredBallot* mine = ballotOf(token, vote);
        if (vote.setup.perPerson && person)  // a second phone for the same person sees the person's ballot
            if (const auto it = personBallots.find({person, vote.id}); it != personBallots.end())
                for (const StoredBallot& b : vote.ballots)
                    if (b.id == it->second) mine = &b;
        std::string part = mine ? "\"a_vote\":true,\"mon_bulletin\":" + dump(writeBallot(mine->ballot, vote)) : kNoBallot;
        if (vote.setup.perPerson) part += ",\"ma_personne\":" + (person ? std::to_string(person) : std::string("null"));
        return part;
    }

    std::string evaluationPartOf(const std::string& token, const Etape& etape) const {
        const EvaluationResponse* mine = responseOf(token, etape);
        return mine ? "\"a_repondu\":true,\"mes_reponses\":" + dump(writeEvaluationResponse(*mine, etape.evaluation))
                    : kNoResponse;
    }

    /// Builds the feed anew when the model, what is open, the countdown or a device's own part changed, and
    /// publishes it when phones would see a difference. Only what changed is rebuilt as text.
    /// `byJobsOnly`: since the last publish, the model changed only through this pump's jobs (their devices are in
    /// personalChanged): the other devices' own parts need no look.
    void publish(const Model& model, std::uint64_t sessionRevision, bool byJobsOnly = false) {
        OpenToPhones opened;
        bool dirty = false;
        {
            std::lock_guard lock(mutex);
            opened = open;
            dirty = ownerDirty;
        }
        bool fresh = false;
        {
            std::lock_guard lock(mutex);
            fresh = std::exchange(freshDevices, false);
        }
        if (published && !dirty && !fresh && sessionRevision == publishedModel && personalChanged.empty()) {
            std::lock_guard lock(mutex);
            ++pumps;
            if (reads) wakeDispatcherLocked();
            return;
        }
        published = true;
        publishedModel = sessionRevision;
        auto next = std::make_shared<Feed>(feed ? *feed : Feed{});
        const std::uint64_t r = revisionCounter + 1;
        bool changed = dirty || !feed;
        if (!feed) next->oldest = r;  // a revision from before this opening (another run) gets the whole state

        const Etape* etape = model.etape(opened.etape);
        const Board* board = etape && opened.board ? etape->board(*opened.board) : nullptr;
        const Vote* vote = etape && opened.vote ? findVote(*etape, *opened.vote) : nullptr;
        const bool evaluating = etape && opened.evaluation && !etape->evaluation.questions.empty();
        setSection(next->etape, etapeJson(etape), r, changed);
        const char* activity = evaluating ? "evaluation" : vote && vote->setup.open ? "vote" : board ? "idees" : "attente";
        setSection(next->activite, etape ? dump(Json(activity)) : "null", r, changed);
        if (board) {
            Json columns = Json::array();
            for (const BoardCategory& c : board->categories) columns.push_back({{"id", c.id}, {"nom", c.name}});
            setSection(next->tableau,
                       dump(Json{{"id", board->id}, {"titre", board->title}, {"colonnes", columns}, {"masque", board->hideNew}}),
                       r, changed);
        } else {
            setSection(next->tableau, "null", r, changed);
        }
        setSection(next->vote, voteJson(model, etape, vote), r, changed);
        next->voteId = vote ? vote->id : 0;
        setSection(next->evaluation, evaluating ? evaluationJson(model, *etape) : "null", r, changed);
        next->evaluationEtape = evaluating ? etape->id : 0;

        // The ideas: a view rebuilt only for those whose text, column, visibility or owner changed.
        const Id boardId = board ? board->id : 0;
        if (boardId != next->board) {
            next->board = boardId;
            next->ideas.clear();
            next->log.clear();
            next->oldest = r;  // another board: every phone starts from the whole state
            changed = true;
        }
        if (board) {
            std::unordered_set<Id> present;
            present.reserve(board->ideas.size());
            for (const Idea& idea : board->ideas) {
                present.insert(idea.id);
                const auto ownerIt = ideaOwner.find(idea.id);
                const std::string owner = ownerIt == ideaOwner.end() ? std::string() : ownerIt->second;
                bool modifiable = false;
                if (!owner.empty())
                    if (const auto own = ownIdeas.find(owner); own != ownIdeas.end())
                        if (const auto it = own->second.find(idea.id); it != own->second.end())
                            modifiable = it->second.board == board->id && untouched(idea, it->second);
                const bool visible = !board->hideNew && !idea.hidden;
                auto& slot = next->ideas[idea.id];
                if (slot && slot->text == idea.text && slot->category == idea.category && slot->visible == visible &&
                    slot->owner == owner && slot->modifiable == modifiable)
                    continue;
                auto view = std::make_shared<IdeaView>();
                view->text = idea.text;
                view->category = idea.category;
                view->visible = visible;
                view->owner = owner;
                view->modifiable = modifiable;
                view->publicJson = dump(Json{{"id", idea.id}, {"texte", idea.text}, {"colonne", idea.category}});
                if (!owner.empty())
                    view->ownerJson = withMembers(view->publicJson, std::string("\"mienne\":true,\"modifiable\":") +
                                                                        (modifiable ? "true" : "false"));
                view->since = r;
                slot = std::move(view);
                next->log.emplace_back(r, idea.id);
                changed = true;
            }
            for (auto it = next->ideas.begin(); it != next->ideas.end();) {
                if (present.count(it->first)) {
                    ++it;
                    continue;
                }
                next->log.emplace_back(r, it->first);
                it = next->ideas.erase(it);
                changed = true;
            }
            if (next->log.size() > kMaxLog) {
                const size_t drop = next->log.size() - kMaxLog / 2;
                next->oldest = std::max(next->oldest, next->log[drop - 1].first);
                next->log.erase(next->log.begin(), next->log.begin() + static_cast<std::ptrdiff_t>(drop));
            }
        }

        // Each device's own parts: its ballot and its answers, as the model now holds them. Every device when the
        // console changed something (a ballot withdrawn, a vote opened); else those whose jobs just ran.
        const bool everyone = !byJobsOnly || next->vote.since == r || next->evaluation.since == r;
        std::lock_guard lock(mutex);
        for (auto& [key, device] : devices) {
            if (device.token.empty()) continue;  // not back since a restart: its parts stay as they were
            if (device.fresh) {  // its first parts: what its first whole state shows, nothing to wake anyone for
                device.fresh = false;
                device.votePart = vote ? votePartOf(device.token, device.person, *vote) : kNoBallot;
                device.voteOf = vote ? vote->id : 0;
                device.evaluationPart = evaluating ? evaluationPartOf(device.token, *etape) : kNoResponse;
                device.evaluationOf = evaluating ? etape->id : 0;
                continue;
            }
            if (!everyone && !personalChanged.count(key) && device.voteOf == next->voteId &&
                device.evaluationOf == next->evaluationEtape)
                continue;
            const std::string& token = device.token;
            const std::string part = vote ? votePartOf(token, device.person, *vote) : kNoBallot;
            const Id of = vote ? vote->id : 0;
            if (part != device.votePart || of != device.voteOf || personalChanged.count(key)) {
                if (part != device.votePart || of != device.voteOf) device.voteSince = r;
                device.votePart = part;
                device.voteOf = of;
                changed = true;
            }
            const std::string answers = evaluating ? evaluationPartOf(token, *etape) : kNoResponse;
            const Id etapeOf = evaluating ? etape->id : 0;
            if (answers != device.evaluationPart || etapeOf != device.evaluationOf) {
                device.evaluationPart = answers;
                device.evaluationOf = etapeOf;
                device.evaluationSince = r;
                changed = true;
            }
        }
        personalChanged.clear();
        ownerDirty = false;
        ++pumps;
        if (changed) {
            next->revision = r;
            revisionCounter = r;
            feed = std::move(next);
        }
        if (changed || reads) wakeDispatcherLocked();
    }

    // [SECTION] Answers composed from the feed (any thread, no model)

    /// The state for `token` as JSON text: the whole of it (`since` unknown or `changes` false), or what changed
    /// after `since`. Call with `mutex` held.
    std::string composeLocked(const Feed& f, const std::string& key, const Device& device, bool changes,
                              std::optional<std::uint64_t> since) const {
        const bool delta = changes && since && *since >= f.oldest && *since <= f.revision;
        const std::string vote = f.vote.json == "null" ? "null"
                                 : withMembers(f.vote.json, device.voteOf == f.voteId ? device.votePart : kNoBallot);
        const std::string evaluation =
            f.evaluation.json == "null"
                ? "null"
                : withMembers(f.evaluation.json,
                              device.evaluationOf == f.evaluationEtape ? device.evaluationPart : kNoResponse);
        const std::optional<int> left = countdown.secondsLeft(Clock::now());
        std::string out = "{\"revision\":" + std::to_string(f.revision);
        out += ",\"minuteur_s\":" + (left ? std::to_string(*left) : std::string("null"));
        if (!delta) {
            out += ",\"etape\":" + f.etape.json + ",\"activite\":" + f.activite.json + ",\"tableau\":" + f.tableau.json +
                   ",\"vote\":" + vote + ",\"evaluation\":" + evaluation + ",\"moi\":" + device.moi;
            if (changes) {
                out += ",\"changements\":true,\"complet\":true,\"idees\":[";
                bool first = true;
                for (const auto& [id, view] : f.ideas) {
                    const std::string* json = view->owner == key ? &view->ownerJson
                                              : view->visible      ? &view->publicJson
                                                                   : nullptr;
                    if (!json) continue;
                    if (!first) out += ',';
                    out += *json;
                    first = false;
                }
                out += "],\"retirees\":[]";
            }
            return out + "}";
        }
        const std::uint64_t n = *since;
        out += ",\"changements\":true";
        for (auto [name, section] : {std::pair{"etape", &f.etape}, std::pair{"activite", &f.activite},
                                     std::pair{"tableau", &f.tableau}})
            if (section->since > n) out += std::string(",\"") + name + "\":" + section->json;
        if (f.vote.since > n || device.voteSince > n) out += ",\"vote\":" + vote;
        if (f.evaluation.since > n || device.evaluationSince > n) out += ",\"evaluation\":" + evaluation;
        std::string ideas, removed;
        const auto from = std::upper_bound(f.log.begin(), f.log.end(), std::make_pair(n, std::numeric_limits<Id>::max()));
        std::set<Id> seen;
        for (auto it = from; it != f.log.end(); ++it) {
            if (!seen.insert(it->second).second) continue;
            const auto found = f.ideas.find(it->second);
            const IdeaView* view = found == f.ideas.end() ? nullptr : found->second.get();
            const std::string* json = !view                   ? nullptr
                                      : view->owner == key ? &view->ownerJson
                                      : view->visible        ? &view->publicJson
                                                             : nullptr;
            if (json) {
                if (!ideas.empty()) ideas += ',';
                ideas += *json;
            } else {
                if (!removed.empty()) removed += ',';
                removed += std::to_string(it->second);
            }
        }
        out += ",\"idees\":[" + ideas + "],\"retirees\":[" + removed + "]";
        return out + "}";
    }

    /// GET /api/idees (the former page's call): the device's ideas and the others' visible ones.
    static Reply ideasFrom(const Feed& f, const std::string& key) {
        if (!f.board) return refusal(409, tr(Str::NetNoBoard));
        Json mine = Json::array(), others = Json::array();
        for (const auto& [id, view] : f.ideas) {
            if (view->owner == key)
                mine.push_back({{"id", id}, {"texte", view->text}, {"colonne", view->category}, {"modifiable", view->modifiable}});
            else if (view->visible)
                others.push_back({{"texte", view->text}, {"colonne", view->category}});
        }
        return answer(200, Json{{"miennes", mine}, {"autres", others}});
    }

    // [SECTION] Handlers (the HTTP server's thread)

    /// The body as a JSON object, or the refusal to send.
    static std::optional<Reply> parseBody(const HttpExchange& ex, Json& body) {
        if (!isValidUtf8(ex.body())) return refusal(400, tr(Str::NetInvalidUtf8));
        if (jsonDepth(ex.body()) > kMaxJsonDepth) return refusal(400, tr(Str::NetBadJson));
        body = Json::parse(ex.body(), nullptr, false);
        if (body.is_discarded() || !body.is_object()) return refusal(400, tr(Str::NetBadJson));
        return std::nullopt;
    }

    /// The 401 for the device `key` (unknown or blocked), or nothing when it may go on. Call with `mutex` held.
    std::optional<Reply> checkTokenLocked(const std::string& key, Device* copy = nullptr) const {
        const auto it = devices.find(key);
        if (it == devices.end()) return refusal(401, tr(Str::NetBadToken));
        if (it->second.blocked) return refusal(401, tr(Str::NetBlocked));
        if (it->second.replaced) return refusal(401, tr(Str::NetReplaced));
        if (copy) *copy = it->second;
        return std::nullopt;
    }

    static std::optional<std::string> bearer(const HttpExchange& ex) {
        const std::string header = ex.header("Authorization");
        constexpr std::string_view prefix = "Bearer ";
        if (header.size() <= prefix.size() || header.compare(0, prefix.size(), prefix) != 0) return std::nullopt;
        return header.substr(prefix.size());
    }

    /// The token of an authorised request and its device's key, or the 401 to send. The device learns its token
    /// again (after a restart only its digest was kept).
    std::optional<Reply> authorise(const HttpExchange& ex, std::string& token, std::string& key, Device* copy = nullptr) {
        const auto given = bearer(ex);
        if (!given) return refusal(401, tr(Str::NetNoToken));
        token = *given;
        key = deviceKey(token);
        std::lock_guard lock(mutex);
        if (auto refused = checkTokenLocked(key, copy)) return refused;
        Device& device = devices.at(key);
        if (device.token.empty()) {  // back after a restart: its own parts are computed again
            device.token = token;
            device.fresh = true;
            freshDevices = true;
        }
        return std::nullopt;
    }

    /// Checks the room code of `body` against the per-address limit of wrong codes; the refusal to send, if any.
    std::optional<Reply> checkCode(const HttpExchange& ex, const Json& body) {
        const auto now = Clock::now();
        std::lock_guard lock(mutex);
        auto& wrong = wrongCodes[ex.address()];
        if (within(wrong, now, std::chrono::minutes(1)) >= static_cast<size_t>(limits.wrongCodesPerMinute))
            return refusal(429, tr(Str::NetTooManyCodes));
        const auto given = body.find("code");
        if (given == body.end() || !given->is_string() || given->get<std::string>() != code) {
            wrong.push_back(now);
            return refusal(403, tr(Str::NetWrongCode));
        }
        return std::nullopt;
    }

    /// Counts one more write in the device's last minute, or the 429 to send when the limit is reached.
    std::optional<Reply> countWrite(const std::string& key, bool edit) {
        std::lock_guard lock(mutex);
        if (auto refused = checkTokenLocked(key)) return refused;
        Device& device = devices.at(key);
        auto& times = edit ? device.edits : device.ideas;
        const int max = edit ? limits.editsPerMinute : limits.ideasPerMinute;
        if (within(times, Clock::now(), std::chrono::minutes(1)) >= static_cast<size_t>(max))
            return edit ? refusal(429, fmt(Str::NetTooManyEdits, {std::to_string(max)}))
                        : refusal(429, tr(Str::NetTooManyIdeas));
        times.push_back(Clock::now());
        return std::nullopt;
    }

    /// Hands `job` to the owner thread; the exchange is answered when pump() has run it (503 past the timeout).
    void defer(const HttpHandle& ex, Job job) {
        std::lock_guard lock(mutex);
        if (closing) return ex->complete(toHttp(refusal(503, tr(Str::NetBusy))));
        jobs.push_back(PendingJob{std::move(job), ex, Clock::now() + limits.answerTimeout});
        wakeDispatcherLocked();  // it refuses the job if the owner does not take it in time
        if (wakeOwner) wakeOwner();
    }

    OpenToPhones currentOpen() const {
        std::lock_guard lock(mutex);
        return open;
    }

    void handle(const HttpHandle& ex) {
        try {
            route(ex);
        } catch (const std::exception&) {
            ex->complete(toHttp(refusal(500, tr(Str::NetServerError))));
        }
    }

    void route(const HttpHandle& ex) {
        const std::string& m = ex->method();
        const std::string& p = ex->path();
        auto reply = [&](const Reply& r) { ex->complete(toHttp(r)); };
        if (m == "GET" || m == "HEAD") {
            if (p == "/") return page(*ex, "participer.html", "text/html; charset=utf-8");
            if (p == "/participer.css") return page(*ex, "participer.css", "text/css; charset=utf-8");
            if (p == "/participer.js") return page(*ex, "participer.js", "text/javascript; charset=utf-8");
            if (p == "/api/etat") return state(ex);
            if (p == "/api/idees") return ideas(ex);
        }
        if (m == "POST") {
            if (p == "/api/salle") return room(ex);
            if (p == "/api/rejoindre") return reply(join(*ex));
            if (p == "/api/idees") return postIdea(ex);
            if (p == "/api/bulletin") return postBallot(ex);
            if (p == "/api/evaluation") return postEvaluation(ex);
        }
        constexpr std::string_view ideaPath = "/api/idees/";
        if ((m == "PUT" || m == "DELETE") && p.size() > ideaPath.size() && p.size() <= ideaPath.size() + 20 &&
            p.compare(0, ideaPath.size(), ideaPath) == 0) {
            Id id = 0;
            const char* begin = p.data() + ideaPath.size();
            const char* end = p.data() + p.size();
            const auto [stop, error] = std::from_chars(begin, end, id);
            if (error == std::errc() && stop == end) return changeIdea(ex, id, m == "PUT");
        }
        reply(refusal(404, tr(Str::NetNotFound)));
    }

    /// The participant page's files, embedded from assets/.
    static void page(HttpExchange& ex, std::string_view name, const char* type) {
        const std::string_view content = asset(name);
        if (content.empty()) return ex.complete(toHttp(refusal(404, fmt(Str::NetNoAsset, {std::string(name)}))));
        ex.complete(HttpAnswer{200, std::string(content), type});
    }

    void state(const HttpHandle& ex) {
        std::string token, key;
        if (auto refused = authorise(*ex, token, key)) return ex->complete(toHttp(*refused));
        std::optional<std::uint64_t> seen;
        if (std::string text; ex->query("revision", text)) {
            std::uint64_t n = 0;
            const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), n);
            if (error == std::errc() && end == text.data() + text.size()) seen = n;
        }
        std::string flag;
        const bool changes = ex->query("changements", flag) && flag != "0";
        std::lock_guard lock(mutex);
        const auto device = devices.find(key);
        if (device == devices.end() || device->second.blocked || device->second.replaced)
            return ex->complete(toHttp(*checkTokenLocked(key)));
        if (closing) return ex->complete(toHttp(refusal(503, tr(Str::NetBusy))));
        // A revision the feed knows: wait for the next change, paced by the dispatcher (changes travel together).
        // Otherwise (the first state, a revision from before): the state as the next pump publishes it.
        const bool known = feed && seen && *seen >= feed->oldest && *seen <= feed->revision;
        const bool wait = known && (*seen == feed->revision || changes);
        Waiter w{ex, key, wait ? *seen : 0, changes, Clock::now() + limits.longPoll, std::nullopt, false};
        if (!wait || waiters.size() - reads >= limits.maxWaitingPolls) {
            w.afterPump = pumps;  // past the limit of waiting polls: answered after the next pump all the same
            w.seen = seen.value_or(0);
            w.deadline = Clock::now() + limits.answerTimeout;
            ++reads;
        }
        waiters.push_back(std::move(w));
        wakeDispatcherLocked();
    }

    void ideas(const HttpHandle& ex) {
        std::string token, key;
        if (auto refused = authorise(*ex, token, key)) return ex->complete(toHttp(*refused));
        std::lock_guard lock(mutex);  // answered from the feed the next pump publishes
        waiters.push_back(Waiter{ex, key, 0, false, Clock::now() + limits.answerTimeout, pumps, true});
        ++reads;
        wakeDispatcherLocked();
    }

    void room(const HttpHandle& ex) {
        Json body;
        if (auto refused = parseBody(*ex, body)) return ex->complete(toHttp(*refused));
        if (auto refused = checkCode(*ex, body)) return ex->complete(toHttp(*refused));
        const OpenToPhones opened = currentOpen();
        defer(ex, [opened](const Model& model, Session&) {
            const Etape* etape = model.etape(opened.etape);
            if (!etape) return refusal(409, tr(Str::NetNoEtape));
            Json cites = Json::array();
            for (const Territory& t : model.territories)
                if (t.cite) cites.push_back(t.name);
            Json groups = Json::array();
            if (const int r = joinRound(*etape, opened); r >= 0) {
                const auto& round = etape->groups.rounds[static_cast<size_t>(r)].groups;
                for (size_t g = 0; g < round.size(); ++g)
                    groups.push_back(round[g].name.empty() ? fmt(Str::GroupName, {std::to_string(g + 1)}) : round[g].name);
            }
            return answer(200, Json{{"etape", {{"numero", etape->header.number}, {"titre", etape->header.theme}}},
                                    {"cites", cites},
                                    {"groupes", groups}});
        });
    }

    Reply join(const HttpExchange& ex) {
        Json body;
        if (auto refused = parseBody(ex, body)) return *refused;
        if (auto refused = checkCode(ex, body)) return *refused;
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
        device.address = ex.address();
        device.moi = dump(Json{{"prenom", device.prenom}, {"cite", device.cite}, {"groupe", device.groupe}});
        const std::string token = randomToken();
        const auto now = Clock::now();
        std::lock_guard lock(mutex);
        if (blockedAddresses.count(ex.address())) return refusal(403, tr(Str::NetBlocked));
        auto& recent = joins[ex.address()];
        if (within(recent, now, limits.joinWindow) >= static_cast<size_t>(std::max(limits.joinsPerAddress, 0)))
            return refusal(429, fmt(Str::NetTooManyJoins, {std::to_string(limits.joinWindow.count())}));
        recent.push_back(now);
        const std::string key = deviceKey(token);
        device.token = token;
        devices.emplace(key, std::move(device));
        joinOrder.push_back(key);
        freshDevices = true;
        ++memoryVersion;
        if (wakeOwner) wakeOwner();  // the console counts the phones
        return answer(200, Json{{"jeton", token}});
    }

    // [SECTION] Jobs (owner thread): joining's room, ideas, ballots, evaluation

    /// A write phones asked for that could not be saved: the phone gets a 500, the console a message.
    Reply failed(const Status& status) {
        if (status.notSaved) failures.push_back(fmt(Str::NetWriteFailed, {status.message}));
        return refusal(status.notSaved ? 500 : 400, status.message);
    }

    void postIdea(const HttpHandle& ex) {
        std::string token, key;
        Device device;
        if (auto refused = authorise(*ex, token, key, &device)) return ex->complete(toHttp(*refused));
        Json body;
        if (auto refused = parseBody(*ex, body)) return ex->complete(toHttp(*refused));
        const auto text = body.find("texte");
        if (text == body.end()) return ex->complete(toHttp(refusal(400, fmt(Str::ErrVoteMissingKey, {"texte"}))));
        if (!text->is_string())
            return ex->complete(toHttp(refusal(400, fmt(Str::ErrVoteFieldType, {"texte", tr(Str::TypeText)}))));
        Json column = body.contains("colonne") ? body.at("colonne") : Json();
        if (!column.is_null() && !column.is_number_unsigned() && !column.is_string())
            return ex->complete(toHttp(refusal(400, fmt(Str::ErrVoteFieldType, {"colonne", tr(Str::TypeInteger)}))));
        std::string postKey;
        if (const auto k = body.find("cle"); k != body.end() && !k->is_null()) {
            if (!k->is_string() || k->get<std::string>().empty() || k->get<std::string>().size() > 64)
                return ex->complete(toHttp(refusal(400, fmt(Str::ErrVoteFieldType, {"cle", tr(Str::TypeText)}))));
            postKey = k->get<std::string>();
        }
        if (auto refused = countWrite(key, false)) return ex->complete(toHttp(*refused));
        const OpenToPhones opened = currentOpen();
        Idea idea;
        idea.text = text->get<std::string>();
        idea.group = device.groupe;
        idea.author = device.prenom;
        idea.time = unixNow();
        idea.entry = IdeaEntry::Phone;
        defer(ex, [this, opened, idea, column, key, postKey](const Model& model, Session& session) mutable {
            if (!postKey.empty())  // a retry of a post whose answer was lost: the idea is there already
                if (const auto keys = postKeys.find(key); keys != postKeys.end())
                    if (const auto it = keys->second.find(postKey); it != keys->second.end())
                        return answer(201, Json{{"id", it->second}});
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
            if (!status) return failed(status);
            if (const Etape* e = session.model().etape(opened.etape))
                if (const Board* b = e->board(boardId))
                    if (const Idea* added = b->idea(id)) {
                        ownIdeas[key][id] = OwnIdea{boardId, added->category, added->text, added->hidden};
                        ideaOwner[id] = key;
                    }
            if (!postKey.empty()) {
                auto& keys = postKeys[key];
                if (keys.size() >= 1000) keys.clear();  // a device posts far fewer; bounded all the same
                keys[postKey] = id;
                batchKeys.emplace_back(key, postKey);
            }
            {
                std::lock_guard lock(mutex);
                if (const auto it = devices.find(key); it != devices.end()) ++it->second.posted;
            }
            ++memoryVersion;
            return answer(201, Json{{"id", id}});
        });
    }

    /// PUT (new text) or DELETE of one of the device's ideas, on the board open to phones.
    void changeIdea(const HttpHandle& ex, Id id, bool put) {
        std::string token, key;
        if (auto refused = authorise(*ex, token, key)) return ex->complete(toHttp(*refused));
        std::optional<std::string> text;
        if (put) {
            Json body;
            if (auto refused = parseBody(*ex, body)) return ex->complete(toHttp(*refused));
            const auto given = body.find("texte");
            if (given == body.end()) return ex->complete(toHttp(refusal(400, fmt(Str::ErrVoteMissingKey, {"texte"}))));
            if (!given->is_string())
                return ex->complete(toHttp(refusal(400, fmt(Str::ErrVoteFieldType, {"texte", tr(Str::TypeText)}))));
            text = given->get<std::string>();
        }
        if (auto refused = countWrite(key, true)) return ex->complete(toHttp(*refused));
        const OpenToPhones opened = currentOpen();
        defer(ex, [this, opened, key, id, text](const Model& model, Session& session) {
            const auto owned = ownIdeas.find(key);
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
                if (status) {
                    owned->second.erase(id);
                    ideaOwner.erase(id);
                }
            }
            if (!status) return failed(status);
            ++memoryVersion;
            return answer(200, Json{{"id", id}});
        });
    }

    void postBallot(const HttpHandle& ex) {
        std::string token, key;
        if (auto refused = authorise(*ex, token, key)) return ex->complete(toHttp(*refused));
        Json body;
        if (auto refused = parseBody(*ex, body)) return ex->complete(toHttp(*refused));
        const auto voteId = body.find("vote");
        if (voteId == body.end()) return ex->complete(toHttp(refusal(400, fmt(Str::ErrVoteMissingKey, {"vote"}))));
        if (!voteId->is_number_unsigned())
            return ex->complete(toHttp(refusal(400, fmt(Str::ErrVoteFieldType, {"vote", tr(Str::TypeInteger)}))));
        const Id asked = voteId->get<Id>();
        Id named = 0;  // « un bulletin par personne présente »: the person the phone votes for
        if (const auto p = body.find("personne"); p != body.end() && !p->is_null()) {
            if (!p->is_number_unsigned())
                return ex->complete(toHttp(refusal(400, fmt(Str::ErrVoteFieldType, {"personne", tr(Str::TypeInteger)}))));
            named = p->get<Id>();
        }
        const OpenToPhones opened = currentOpen();
        defer(ex, [this, opened, asked, token, key, body, named](const Model& model, Session& session) {
            const Etape* etape = model.etape(opened.etape);
            const Vote* vote = etape && opened.vote && *opened.vote == asked ? findVote(*etape, asked) : nullptr;
            if (!vote) return refusal(409, tr(Str::NetNoVote));
            if (!vote->setup.open) return refusal(409, tr(Str::ErrVoteClosed));
            StoredBallot stored;
            if (std::string error = readBallot(body, *vote, stored.ballot); !error.empty()) return refusal(400, error);
            if (vote->setup.perPerson) return personBallot(*etape, *vote, token, key, named, stored, session);
            // One ballot per device per vote: a new one corrects the one it cast, when that is still there.
            Id& previous = ballots[ballotKey(token, asked)];
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
            if (!status) return failed(status);
            personalChanged.insert(key);
            ++memoryVersion;
            return answer(200, Json{{"id", previous}});
        });
    }

    /// A ballot in a vote « un bulletin par personne présente »: the phone votes in the name of one person checked
    /// in; one ballot per person (a second phone for the same person corrects it, and the first phone is out).
    Reply personBallot(const Etape& etape, const Vote& vote, const std::string& token, const std::string& key,
                       Id named, StoredBallot stored, Session& session) {
        Id person = 0;
        {
            std::lock_guard lock(mutex);
            person = devices.at(key).person;
        }
        if (person && named && named != person) return refusal(409, tr(Str::NetPersonOther));
        if (!person) {
            if (!named) return refusal(400, tr(Str::NetVoteChoosePerson));
            const auto r = std::find_if(etape.registrations.begin(), etape.registrations.end(),
                                        [&](const Registration& g) { return g.id == named; });
            if (r == etape.registrations.end() || !r->present) return refusal(409, tr(Str::NetPersonNotPresent));
            person = named;
        }
        // The ballot to correct: the person's (cast from any phone since the laptop started), else this phone's own.
        Id previous = 0;
        if (const auto it = personBallots.find({person, vote.id}); it != personBallots.end())
            if (indexOf(vote.ballots, it->second) >= 0) previous = it->second;
        if (!previous)
            if (const auto it = ballots.find(ballotKey(token, vote.id)); it != ballots.end())
                if (indexOf(vote.ballots, it->second) >= 0) previous = it->second;
        if (!previous && personVoted.count({person, vote.id}) && !personBallots.count({person, vote.id}))
            return refusal(409, tr(Str::NetPersonBallotLocked));  // cast before a restart, from another phone
        Status status;
        if (previous) {
            stored.id = previous;
            status = session.apply(CorrectBallot{etape.id, vote.id, stored});
        } else {
            previous = session.model().nextId;  // what Session::apply gives a new ballot
            status = session.apply(CastBallot{etape.id, vote.id, stored});
        }
        if (!status) return failed(status);
        personBallots[{person, vote.id}] = previous;
        personVoted.insert({person, vote.id});
        ballots[ballotKey(token, vote.id)] = previous;
        {
            std::lock_guard lock(mutex);
            for (auto& [other, device] : devices)
                if (other != key && device.person == person && !device.replaced) {
                    device.replaced = true;  // the person's other phone is out (the console shows it)
                    personalChanged.insert(other);
                }
            devices.at(key).person = person;
            wakeDispatcherLocked();
        }
        personalChanged.insert(key);
        ++memoryVersion;
        return answer(200, Json{{"id", previous}});
    }

    void postEvaluation(const HttpHandle& ex) {
        std::string token, key;
        Device device;
        if (auto refused = authorise(*ex, token, key, &device)) return ex->complete(toHttp(*refused));
        Json body;
        if (auto refused = parseBody(*ex, body)) return ex->complete(toHttp(*refused));
        if (auto refused = countWrite(key, true)) return ex->complete(toHttp(*refused));
        const OpenToPhones opened = currentOpen();
        const std::string cite = device.cite;
        defer(ex, [this, opened, token, key, cite, body](const Model& model, Session& session) {
            const Etape* etape = model.etape(opened.etape);
            if (!etape) return refusal(409, tr(Str::NetNoEtape));
            if (!opened.evaluation || etape->evaluation.questions.empty()) return refusal(409, tr(Str::NetNoEvaluation));
            EvaluationResponse response;
            if (std::string error = readEvaluationResponse(body, etape->evaluation, response); !error.empty())
                return refusal(400, error);
            if (!cite.empty())
                if (const Territory* t = model.territoryByName(cite)) response.territory = t->id;
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
            if (!status) return failed(status);
            responses[responseKey(token, opened.etape)] = id;
            personalChanged.insert(key);
            ++memoryVersion;
            return answer(200, Json{{"id", id}});
        });
    }

    // [SECTION] The dispatcher thread: long polls answered, jobs not taken refused

    void dispatch() {
        std::unique_lock lock(mutex);
        while (!stopDispatcher) {
            const auto now = Clock::now();
            std::vector<std::pair<HttpHandle, Reply>> out;
            for (size_t i = 0; i < jobs.size();) {
                if (jobs[i].deadline <= now || closing) {
                    out.emplace_back(jobs[i].exchange, refusal(503, tr(Str::NetBusy)));
                    jobs[i] = std::move(jobs.back());
                    jobs.pop_back();
                } else {
                    ++i;
                }
            }
            const bool pace = feed && now - lastWake >= limits.wakeEvery;
            bool woke = false, changesPending = false;
            for (size_t i = 0; i < waiters.size();) {
                Waiter& w = waiters[i];
                const auto device = devices.find(w.key);
                std::optional<Reply> reply;
                if (closing) {
                    reply = refusal(503, tr(Str::NetBusy));
                } else if (device == devices.end() || device->second.blocked || device->second.replaced) {
                    reply = *checkTokenLocked(w.key);
                } else if (w.afterPump) {
                    if (feed && pumps > *w.afterPump)
                        reply = w.ideas ? ideasFrom(*feed, w.key)
                                        : Reply{200, composeLocked(*feed, w.key, device->second, w.changes,
                                                                   w.seen ? std::optional(w.seen) : std::nullopt)};
                    else if (w.deadline <= now)
                        reply = refusal(503, tr(Str::NetBusy));  // the owner has not pumped in time
                } else if (feed && (feed->revision != w.seen || w.deadline <= now)) {
                    if (pace || w.deadline <= now) {
                        reply = Reply{200, composeLocked(*feed, w.key, device->second, w.changes,
                                                         w.seen ? std::optional(w.seen) : std::nullopt)};
                        woke = woke || feed->revision != w.seen;
                    } else {
                        changesPending = true;
                    }
                } else if (w.deadline <= now) {
                    reply = refusal(503, tr(Str::NetBusy));
                }
                if (reply) {
                    if (w.afterPump) --reads;
                    out.emplace_back(std::move(w.exchange), std::move(*reply));
                    w = std::move(waiters.back());
                    waiters.pop_back();
                } else {
                    ++i;
                }
            }
            if (woke) lastWake = now;
            if (!out.empty()) {
                lock.unlock();
                for (auto& [exchange, reply] : out) exchange->complete(toHttp(std::move(reply)));
                lock.lock();
                continue;
            }
            auto next = now + std::chrono::hours(1);
            for (const PendingJob& j : jobs) next = std::min(next, j.deadline);
            for (const Waiter& w : waiters) next = std::min(next, w.deadline);
            if (changesPending) next = std::min(next, lastWake + limits.wakeEvery);
            poke.wait_until(lock, next, [&] { return poked || stopDispatcher; });
            poked = false;
        }
    }
};

// [SECTION] Start, stop and the owner's calls

Participation::Participation(Limits limits) : impl_(std::make_unique<Impl>(limits)) {}

Participation::~Participation() { stop(); }

Status Participation::start(const std::string& host, int port, const std::string& code) {
    stop();
    if (!code.empty() && !isRoomCode(code)) return Status::failure(fmt(Str::NetBadCode, {code}));
    Impl& impl = *impl_;
    HttpLimits http;
    http.maxBody = impl.limits.maxBody;
    http.perAddress = impl.limits.perAddress;
    http.idleTimeoutSeconds = impl.limits.idleSeconds;
    http.bodyTime = impl.limits.bodyTime;
    http.headerTime = impl.limits.headerTime;
    auto refuse = [](int status) {
        std::string message;
        switch (status) {
            case 404: message = tr(Str::NetNotFound); break;
            case 413: message = tr(Str::NetBodyTooBig); break;
            case 400: message = tr(Str::NetBadRequest); break;
            default: message = fmt(Str::NetRefused, {std::to_string(status)}); break;
        }
        return toHttp(refusal(status, message));
    };
    int bound = 0;
    const int last = port == 0 ? 0 : std::min(port + kPortTries - 1, 65535);
    for (int p = port; p <= last && !bound; ++p) {
        auto server = std::make_unique<HttpServer>(http, [&impl](const HttpHandle& ex) { impl.handle(ex); }, refuse);
        server->setCommonHeaders({{"Content-Security-Policy", "default-src 'self'"}, {"Cache-Control", "no-store"},
                                  {"X-Content-Type-Options", "nosniff"}});
        const Status listening = server->listen(host, p);
        if (listening) {
            bound = server->port();
            impl.http = std::move(server);
        } else if (!HttpServer::validHost(host)) {
            return listening;  // not an address: no other port would do
        }
    }
    if (!bound) return Status::failure(fmt(Str::NetPortsBusy, {host, std::to_string(port), std::to_string(last)}));
    const bool keep = std::exchange(impl.remembered, false);  // remember() ran: its devices and code stay
    {
        std::lock_guard lock(impl.mutex);
        if (!keep || !code.empty() || impl.code.empty()) impl.code = code.empty() ? randomCode() : code;
        if (!keep) impl.forgetDevicesLocked();
        impl.wrongCodes.clear();
        impl.joins.clear();
        impl.jobs.clear();
        impl.waiters.clear();
        impl.reads = 0;
        impl.feed.reset();
        impl.ownerDirty = true;
        impl.closing = false;
        impl.stopDispatcher = false;
    }
    impl.published = false;
    impl.personalChanged.clear();
    ++impl.memoryVersion;
    impl.dispatcher = std::thread([&impl] { impl.dispatch(); });
    return {};
}

void Participation::stop() {
    Impl& impl = *impl_;
    if (!impl.http) return;
    {
        std::lock_guard lock(impl.mutex);
        impl.closing = true;  // waiting polls and jobs not taken are answered 503 now
        impl.wakeDispatcherLocked();
    }
    for (int i = 0; i < 1000; ++i) {  // the dispatcher answers them (a few milliseconds at most)
        {
            std::lock_guard lock(impl.mutex);
            if (impl.jobs.empty() && impl.waiters.empty()) break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    impl.http->stop(toHttp(refusal(503, tr(Str::NetBusy))));
    {
        std::lock_guard lock(impl.mutex);
        impl.stopDispatcher = true;
        impl.wakeDispatcherLocked();
    }
    if (impl.dispatcher.joinable()) impl.dispatcher.join();
    impl.http.reset();
}

bool Participation::running() const { return impl_->http != nullptr; }
int Participation::port() const { return impl_->http ? impl_->http->port() : 0; }

std::string Participation::code() const {
    std::lock_guard lock(impl_->mutex);
    return impl_->code;
}

void Participation::setOpen(const OpenToPhones& open) {
    std::lock_guard lock(impl_->mutex);
    if (impl_->open == open) return;
    impl_->open = open;
    impl_->ownerDirty = true;
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
        out.push_back(DeviceInfo{token, d.prenom, d.cite, d.groupe, d.posted, d.blocked, d.address, d.replaced, d.person});
    }
    return out;
}

void Participation::blockDevice(const std::string& token) {
    std::lock_guard lock(impl_->mutex);
    auto it = impl_->devices.find(token);
    if (it == impl_->devices.end()) it = impl_->devices.find(deviceKey(token));
    if (it == impl_->devices.end() || it->second.blocked) return;
    it->second.blocked = true;
    if (!it->second.address.empty()) impl_->blockedAddresses.insert(it->second.address);
    ++impl_->memoryVersion;
    impl_->wakeDispatcherLocked();  // its waiting long poll answers 401 now
}

void Participation::unblockDevice(const std::string& token) {
    std::lock_guard lock(impl_->mutex);
    auto it = impl_->devices.find(token);
    if (it == impl_->devices.end()) it = impl_->devices.find(deviceKey(token));
    if (it == impl_->devices.end() || !it->second.blocked) return;
    it->second.blocked = false;
    impl_->blockedAddresses.erase(it->second.address);
    ++impl_->memoryVersion;
}

std::string Participation::newCode() {
    std::lock_guard lock(impl_->mutex);
    std::string fresh = randomCode();
    while (fresh == impl_->code) fresh = randomCode();
    impl_->code = fresh;
    impl_->forgetDevicesLocked();
    impl_->ownerDirty = true;
    impl_->wakeDispatcherLocked();  // waiting long polls answer 401 now
    return fresh;
}

void Participation::setCountdown(std::optional<int> seconds, bool paused) {
    const auto now = Clock::now();
    std::lock_guard lock(impl_->mutex);
    Impl::Countdown& c = impl_->countdown;
    if (!seconds) {
        if (c.set) {
            c = {};
            impl_->ownerDirty = true;
        }
        return;
    }
    const int given = std::max(0, *seconds);
    // From now on the phones show `given`, counting down or still (`saidPaused`: still because the owner said so).
    const auto anchor = [&](bool frozen, bool saidPaused) {
        c.set = true;
        c.frozen = frozen;
        c.saidPaused = saidPaused;
        c.anchorSeconds = given;
        c.anchorAt = now;
        impl_->ownerDirty = true;
    };
    if (paused) {  // said by the owner: shown still at once (an owner that rests between events calls it rarely)
        c.lastGiven = given;
        c.lastGivenSince = now;
        if (!(c.set && c.frozen && given == static_cast<int>(c.anchorSeconds))) anchor(true, true);
        return;
    }
    const bool sameAsLast = c.set && given == c.lastGiven;
    if (!sameAsLast) {
        c.lastGiven = given;
        c.lastGivenSince = now;
    }
    if (c.set && c.frozen && !c.saidPaused) {
        if (given == static_cast<int>(c.anchorSeconds)) return;  // still paused
    } else if (c.set && !c.frozen) {  // (paused by the owner's word: counting again from `given`)
        const double counted = c.anchorSeconds - std::chrono::duration<double>(now - c.anchorAt).count();
        if (std::abs(given - std::max(0.0, counted)) <= 1.5) return;  // agrees with the server's count
        if (sameAsLast && now - c.lastGivenSince > std::chrono::milliseconds(1500)) {
            c.frozen = true;  // the owner keeps giving the same value: its countdown is paused
            c.anchorSeconds = given;
            impl_->ownerDirty = true;
            return;
        }
    }
    anchor(false, false);
}

int Participation::pump(Session& session) {
    Impl& impl = *impl_;
    if (!impl.http) return 0;
    std::vector<Impl::PendingJob> taken;
    {
        std::lock_guard lock(impl.mutex);
        taken.swap(impl.jobs);
    }
    std::vector<std::pair<HttpHandle, Reply>> replies;
    replies.reserve(taken.size());
    // The jobs of one pump are one journal transaction (one fsync): each is accepted or refused on its own, and
    // none is answered before the whole is durable.
    impl.batchKeys.clear();  // the retries' keys this batch adds: forgotten if the batch is not kept
    const std::uint64_t modelBefore = session.revision();  // what the console changed since the last pump, if any
    if (!taken.empty()) session.beginBatch();
    for (Impl::PendingJob& job : taken) {
        try {
            replies.emplace_back(job.exchange, job.run(session.model(), session));
        } catch (const std::exception&) {  // a job's own bug must not take the owner (the app) down
            replies.emplace_back(job.exchange, refusal(500, tr(Str::NetServerError)));
        }
    }
    if (!taken.empty())
        if (const Status batch = session.endBatch(); !batch) {
            impl.failures.push_back(fmt(Str::NetWriteFailed, {batch.message}));
            for (const auto& [device, key] : impl.batchKeys)
                if (const auto it = impl.postKeys.find(device); it != impl.postKeys.end()) it->second.erase(key);
            for (auto& [exchange, reply] : replies)
                if (reply.status < 300) reply = refusal(500, batch.message);
        }
    // What phones read next includes what these jobs did: published before they are answered.
    impl.publish(session.model(), session.revision(), impl.published && impl.publishedModel == modelBefore);
    for (auto& [exchange, reply] : replies) exchange->complete(toHttp(std::move(reply)));
    return static_cast<int>(taken.size());
}

std::vector<std::string> Participation::takeFailures() { return std::exchange(impl_->failures, {}); }

void Participation::setWake(std::function<void()> wake) { impl_->wakeOwner = std::move(wake); }

// [SECTION] What the room remembers across restarts

std::uint64_t Participation::memoryVersion() const { return impl_->memoryVersion; }

std::string Participation::memory() const {
    const Impl& impl = *impl_;
    Json devices = Json::array(), ideas = Json::array();
    std::lock_guard lock(impl.mutex);
    for (const std::string& key : impl.joinOrder) {
        const auto it = impl.devices.find(key);
        if (it == impl.devices.end()) continue;
        const Impl::Device& d = it->second;
        devices.push_back({{"cle", key}, {"prenom", d.prenom}, {"cite", d.cite}, {"groupe", d.groupe},
                           {"adresse", d.address}, {"bloque", d.blocked}, {"idees", d.posted},
                           {"personne", d.person}, {"remplace", d.replaced}});
    }
    for (const auto& [key, own] : impl.ownIdeas)
        for (const auto& [id, idea] : own)
            ideas.push_back({{"id", id}, {"appareil", key}, {"tableau", idea.board}, {"colonne", idea.category},
                             {"texte", idea.text}, {"masquee", idea.hidden}});
    Json voted = Json::array();
    for (const auto& [person, vote] : impl.personVoted) voted.push_back({person, vote});
    return dump(Json{{"version", 1}, {"code", impl.code}, {"etape", impl.open.etape}, {"appareils", devices},
                     {"idees", ideas}, {"bulletins", impl.ballots}, {"reponses", impl.responses},
                     {"adresses_bloquees", impl.blockedAddresses}, {"votes_personnes", voted}});
}

Status Participation::remember(const std::string& text, Id etape) {
    Impl& impl = *impl_;
    if (impl.http) return Status::failure(tr(Str::NetRememberRunning));
    const Json j = Json::parse(text, nullptr, false);
    try {
        if (j.is_discarded() || !j.is_object() || j.value("version", 0) != 1) throw std::runtime_error("version");
        if (j.at("etape").get<Id>() != etape) return {};  // another étape's room: a new one starts
        const std::string code = j.at("code").get<std::string>();
        if (!isRoomCode(code)) throw std::runtime_error("code");
        std::map<std::string, Impl::Device> devices;
        std::vector<std::string> order;
        for (const Json& d : j.at("appareils")) {
            Impl::Device device;
            device.prenom = d.at("prenom").get<std::string>();
            device.cite = d.at("cite").get<std::string>();
            device.groupe = d.at("groupe").get<std::string>();
            device.address = d.at("adresse").get<std::string>();
            device.blocked = d.at("bloque").get<bool>();
            device.posted = d.at("idees").get<int>();
            device.person = d.value("personne", Id{0});
            device.replaced = d.value("remplace", false);
            device.moi = dump(Json{{"prenom", device.prenom}, {"cite", device.cite}, {"groupe", device.groupe}});
            const std::string key = d.at("cle").get<std::string>();
            if (devices.emplace(key, std::move(device)).second) order.push_back(key);
        }
        std::map<std::string, std::map<Id, OwnIdea>> own;
        std::map<Id, std::string> owner;
        for (const Json& i : j.at("idees")) {
            const Id id = i.at("id").get<Id>();
            const std::string key = i.at("appareil").get<std::string>();
            own[key][id] = OwnIdea{i.at("tableau").get<Id>(), i.at("colonne").get<Id>(), i.at("texte").get<std::string>(),
                                   i.at("masquee").get<bool>()};
            owner[id] = key;
        }
        auto ballots = j.at("bulletins").get<std::map<std::string, Id>>();
        auto responses = j.at("reponses").get<std::map<std::string, Id>>();
        auto blocked = j.at("adresses_bloquees").get<std::set<std::string>>();
        std::set<std::pair<Id, Id>> voted;
        for (const Json& v : j.value("votes_personnes", Json::array())) voted.insert({v.at(0).get<Id>(), v.at(1).get<Id>()});
        {
            std::lock_guard lock(impl.mutex);
            impl.code = code;
            impl.devices = std::move(devices);
            impl.joinOrder = std::move(order);
            impl.blockedAddresses = std::move(blocked);
        }
        impl.ownIdeas = std::move(own);
        impl.ideaOwner = std::move(owner);
        impl.ballots = std::move(ballots);
        impl.responses = std::move(responses);
        impl.personVoted = std::move(voted);
        impl.personBallots.clear();
        impl.remembered = true;
        return {};
    } catch (const std::exception&) {
        return Status::failure(tr(Str::NetRememberUnreadable));
    }
}

}  // namespace atelier::net
