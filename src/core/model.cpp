#include "core/model.h"

#include "core/strings.h"
#include "core/text.h"

namespace atelier {

bool isStateAgent(Institution institution) {
    return institution == Institution::PrefectureEtat || institution == Institution::EducationNationale;
}

std::string structureAndFunction(std::string_view structure, std::string_view function) {
    structure = trim(structure);
    function = trim(function);
    std::string out(structure);
    if (!function.empty()) out += (out.empty() ? "" : ", ") + std::string(function);
    return out;
}

namespace {
template <class T>
const T* findById(const std::vector<T>& items, Id id) {
    const int i = indexOf(items, id);
    return i < 0 ? nullptr : &items[static_cast<size_t>(i)];
}
}  // namespace

const Territory* Model::territory(Id id) const { return findById(territories, id); }
const Person* Model::person(Id id) const { return findById(people, id); }
const Etape* Model::etape(Id id) const { return findById(etapes, id); }
const Board* Etape::board(Id id) const { return findById(boards, id); }
const Idea* Board::idea(Id id) const { return findById(ideas, id); }
const Practice* Model::practice(Id id) const { return findById(practices, id); }
const EvaluationQuestion* Evaluation::question(Id id) const { return findById(questions, id); }

std::vector<std::string> Evaluation::scale() const { return grades.empty() ? defaultGradeScale() : grades; }

Evaluation defaultEvaluation() {
    Evaluation e;
    e.questions = {{0, tr(Str::EvalQuestionOverall), QuestionKind::Grade},
                   {0, tr(Str::EvalQuestionUseful), QuestionKind::Grade},
                   {0, tr(Str::EvalQuestionTakeAway), QuestionKind::Sentence},
                   {0, tr(Str::EvalQuestionTry), QuestionKind::Practices},
                   {0, tr(Str::EvalQuestionThemes), QuestionKind::Themes}};
    return e;
}

const Board* Etape::boardByTitle(std::string_view title) const {
    const std::string key = foldForSearch(trim(title));
    for (const Board& b : boards)
        if (foldForSearch(b.title) == key) return &b;
    return nullptr;
}

std::vector<BoardCategory> defaultBoardCategories() {
    return {{0, tr(Str::BoardColConstats)}, {0, tr(Str::BoardColLeviers)}, {0, tr(Str::BoardColActions)}};
}

const Territory* Model::territoryByName(std::string_view name) const {
    const std::string key = foldForSearch(trim(name));
    for (const auto& t : territories)
        if (foldForSearch(t.name) == key) return &t;
    return nullptr;
}

const Etape* Model::etapeByNumber(int number) const {
    for (const auto& e : etapes)
        if (e.header.number == number) return &e;
    return nullptr;
}

const Deck* Model::deck(std::string_view id) const {
    for (const Deck& d : decks)
        if (d.id == id) return &d;
    return nullptr;
}

std::vector<const Etape*> Model::etapesOf(Id person) const {
    std::vector<const Etape*> out;
    for (const auto& e : etapes)
        for (const auto& r : e.registrations)
            if (r.person == person) {
                out.push_back(&e);
                break;
            }
    return out;
}

int roleHolder(const Group& group, int round, int role) {
    const int n = static_cast<int>(group.members.size());
    if (role < 0 || role >= kGroupRoles || role >= n) return -1;
    return (round + role) % n;
}

Election Vote::election() const {
    Election e;
    e.method = setup.method;
    e.options = setup.options;
    e.grades = setup.grades;
    e.dotsPerVoter = setup.dotsPerVoter;
    e.maxDotsPerOption = setup.maxDotsPerOption;
    for (const StoredBallot& b : ballots) e.ballots.push_back(b.ballot);
    return e;
}

long Settings::dayRateCents(int year) const {
    for (const auto& r : dayRates)
        if (r.year == year) return r.cents;
    return kDefaultDayRateCents;
}

}  // namespace atelier
