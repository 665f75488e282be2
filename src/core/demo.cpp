#include "core/demo.h"

#include <algorithm>

#include "core/breakout.h"
#include "core/icebreaker.h"
#include "core/strings.h"

namespace atelier {

Status buildDemo(Session& s, Date date, std::uint64_t seed) {
    auto model = [&]() -> const Model& { return s.model(); };
    int number = 1;
    for (const Etape& e : model().etapes) number = std::max(number, e.header.number + 1);

    std::vector<Id> cites;
    for (const Territory& t : model().territories)
        if (t.cite && cites.size() < 4) cites.push_back(t.id);

    Etape etape;
    etape.header.number = number;
    etape.header.date = date;
    etape.header.host = cites.empty() ? std::nullopt : std::optional<Id>(cites.front());
    etape.header.theme = tr(Str::DemoTheme);
    etape.header.venue = tr(Str::DemoVenue);
    etape.header.status = EtapeStatus::Confirmee;
    const std::pair<int, Str> items[] = {{9 * 60, Str::DemoItemWelcome}, {9 * 60 + 30, Str::DemoItemIcebreaker},
                                         {10 * 60 + 15, Str::DemoItemWorkshop}, {14 * 60, Str::DemoItemVote}};
    for (const auto& [start, title] : items)
        etape.programme.push_back(ProgrammeItem{0, start, 45, tr(title),
                                                title == Str::DemoItemIcebreaker ? ItemKind::BriseGlace : ItemKind::Atelier});
    if (Status st = s.apply(AddEtape{etape}); !st) return st;
    const Id e = model().etapeByNumber(number)->id;

    const char* names[] = {"Camille Démo", "Samir Exemple", "Louise Fictive", "Yanis Essai", "Claire Répétition",
                           "Moussa Test", "Élise Brouillon", "Thomas Maquette", "Aïcha Modèle", "Julien Ébauche",
                           "Sarah Esquisse", "Karim Prototype"};
    const Institution institutions[] = {Institution::PrefectureEtat, Institution::EducationNationale,
                                        Institution::Collectivite, Institution::Association};
    int i = 0;
    for (const char* name : names) {
        Person p{0, name, "", cites.empty() ? std::nullopt : std::optional<Id>(cites[i % cites.size()]),
                 institutions[(i / 2) % 4], i % 3 == 0 ? Role::Copilote : Role::ChefDeProjet};
        ++i;
        if (Status st = s.apply(AddPerson{p}); !st) return st;
        if (Status st = s.apply(AddRegistration{e, Registration{0, model().people.back().id, 1, true, false}}); !st)
            return st;
    }

    if (!model().decks.empty()) {
        SpeedMeetingRequest meeting;
        meeting.rounds = 3;
        meeting.deck = model().decks.front().id;
        meeting.seed = seed;
        meeting.timeLimitMs = 0;
        meeting.maxIterations = 20'000;
        const SpeedMeetingResult ice = planSpeedMeeting(model(), *model().etape(e), meeting);
        if (ice.ok()) {
            if (Status st = s.apply(SetIcebreaker{e, ice.icebreaker}); !st) return st;
            for (int r = 0; r < 2; ++r)  // two rounds run, the third still to come
                if (Status st = s.apply(MarkRoundRun{e, r, true}); !st) return st;
        }
        if (Status st = s.apply(DrawCard{e, model().decks.front().id, seed}); !st) return st;
    }

    const BreakoutResult groups = formGroups(model(), *model().etape(e), BreakoutRequest{3, 2, seed, 0, 20'000});
    if (groups.ok())
        if (Status st = s.apply(SetGroupPlan{e, groups.plan}); !st) return st;

    Board board;
    board.title = tr(Str::DemoBoard);
    board.categories = defaultBoardCategories();
    if (Status st = s.apply(AddBoard{e, board}); !st) return st;
    const Board& made = model().etape(e)->boards.back();
    const Id b = made.id;
    std::vector<Id> columns;
    for (const BoardCategory& c : made.categories) columns.push_back(c.id);
    const std::pair<Str, int> ideas[] = {{Str::DemoIdea1, 0}, {Str::DemoIdea2, 0}, {Str::DemoIdea3, 1},
                                         {Str::DemoIdea4, 1}, {Str::DemoIdea5, 2}, {Str::DemoIdea6, 2}};
    int n = 0;
    for (const auto& [text, column] : ideas) {
        Idea idea;
        idea.text = tr(text);
        idea.group = "Groupe " + std::to_string(n % 3 + 1);
        idea.category = columns[std::min<size_t>(static_cast<size_t>(column), columns.size() - 1)];
        idea.time = 1'600'000'000 + n * 60;
        ++n;
        if (Status st = s.apply(AddIdea{e, b, idea}); !st) return st;
        if (column == 2)
            if (Status st = s.apply(SetPractice{e, b, model().etape(e)->boards.back().ideas.back().id, true}); !st)
                return st;
    }

    Vote vote;
    vote.setup = VoteSetup{tr(Str::DemoVoteQuestion), VoteMethod::Dot,
                           {tr(Str::DemoIdea5), tr(Str::DemoIdea6), tr(Str::DemoIdea3)}};
    vote.ballots = {StoredBallot{0, Ballot{4, {}, {}, {{0, 2}, {1, 1}}, {}}},
                    StoredBallot{0, Ballot{3, {}, {}, {{1, 3}}, {}}},
                    StoredBallot{0, Ballot{5, {}, {}, {{2, 1}, {0, 2}}, {}}}};
    if (Status st = s.apply(AddVote{e, vote}); !st) return st;

    // The host's actions-phares (each a practice of the library), with follow-ups by other Cités a year later.
    const std::pair<Str, Str> flagships[] = {{Str::DemoActionPhare1, Str::DemoActionPhare1Text},
                                             {Str::DemoActionPhare2, Str::DemoActionPhare2Text}};
    for (const auto& [title, text] : flagships) {
        ActionPhare a;
        a.title = tr(title);
        a.description = tr(text);
        a.partners = tr(Str::DemoActionPharePartners);
        a.contact = tr(Str::DemoActionPhareContact);
        if (Status st = s.apply(AddActionPhare{e, a}); !st) return st;
    }
    const Etape& day = *model().etape(e);
    const Id flagship = day.actionsPhares.front().id;
    const Id boardPractice = day.boards.back().ideas.back().id;  // « à essaimer » above
    const Date later{date.year + 1, date.month, std::min(date.day, 28)};
    if (Status st = s.apply(UpdatePractice{flagship, tr(Str::DemoActionPhare1), false, tr(Str::DemoPracticeText),
                                           {tr(Str::DemoTheme1), tr(Str::DemoTheme2)}, day.header.host});
        !st)
        return st;
    if (cites.size() >= 3) {
        const FollowUp followUps[] = {{cites[1], FollowUpStatus::Adoptee, later, tr(Str::DemoFollowUp1)},
                                      {cites[2], FollowUpStatus::Essayee, later, tr(Str::DemoFollowUp2)}};
        for (const FollowUp& f : followUps)
            if (Status st = s.apply(AddFollowUp{flagship, f}); !st) return st;
        if (Status st = s.apply(AddFollowUp{boardPractice, {cites[1], FollowUpStatus::Abandonnee, later,
                                                            tr(Str::DemoFollowUp3)}});
            !st)
            return st;
        if (Status st = s.apply(SetPracticeInterest{boardPractice, cites[2], true}); !st) return st;
    }

    // The evaluation of the day: the default questionnaire, grades entered as counts, a few sentences.
    if (Status st = s.apply(SetEvaluation{e, defaultEvaluation().questions, {}}); !st) return st;
    const auto questions = model().etape(e)->evaluation.questions;
    const std::pair<int, long long> overall[] = {{6, 3}, {5, 5}, {4, 3}, {3, 1}};  // Excellent ×3, Très bien ×5…
    const std::pair<int, long long> useful[] = {{5, 4}, {4, 5}, {3, 2}, {2, 1}};
    for (const auto& [grade, count] : overall)
        if (Status st = s.apply(AddEvaluationResponse{e, {0, count, std::nullopt, {{questions[0].id, grade}}}}); !st)
            return st;
    for (const auto& [grade, count] : useful)
        if (Status st = s.apply(AddEvaluationResponse{e, {0, count, std::nullopt, {{questions[1].id, grade}}}}); !st)
            return st;
    const Str sentences[] = {Str::DemoTakeAway1, Str::DemoTakeAway2, Str::DemoTakeAway3};
    for (size_t k = 0; k < 3; ++k) {
        EvaluationResponse r;
        if (cites.size() > k + 1) r.territory = cites[k + 1];
        r.answers.push_back({questions[2].id, -1, tr(sentences[k]), {}});
        r.answers.push_back({questions[3].id, -1, "", k == 2 ? std::vector<Id>{boardPractice} : std::vector<Id>{flagship}});
        if (k == 0) r.answers.push_back({questions[4].id, -1, tr(Str::DemoWishedTheme), {}});
        if (Status st = s.apply(AddEvaluationResponse{e, r}); !st) return st;
    }
    return Status{true, std::to_string(number)};
}

}  // namespace atelier
