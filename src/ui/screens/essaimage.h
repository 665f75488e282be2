// Screens of the essaimage (issue 14): the console tabs « Bibliothèque » (library.cpp), « Actions-phares »
// (actions_phares.cpp) and « Évaluation » (evaluation.cpp), and the projector views « Découverte », « Pratiques à
// essaimer » and the evaluation's results (essaimage_projector.cpp). Registered in app.cpp like every screen; kept
// out of screens.h so that the other screens do not depend on them.
#pragma once

#include <filesystem>
#include <map>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ui/screens/screens.h"

namespace atelier::ui {

// [SECTION] Console: the library of practices (library.cpp)

/// Filter on the follow-up of a practice: every practice, those with a follow-up of that status, those without.
enum class LibraryStatusFilter { All, Essayee, Adoptee, Abandonnee, None };

struct LibraryView {
    Drafts drafts;
    std::string error;
    // What the list shows (also what the projector's « Pratiques à essaimer » shows).
    std::string search;             // accent- and case-insensitive, over title, description, themes, origin
    std::optional<Id> cite;         // practices from this Cité, wanted by it or followed there
    std::string theme;              // empty: every theme
    LibraryStatusFilter status = LibraryStatusFilter::All;
    Id selected = 0;                // the practice shown on the right (0: the first listed)
    // The follow-up being entered for the selected practice.
    Id followFor = 0;               // the practice the form was filled for: another one starts from an empty form
    std::optional<Id> followCite;
    FollowUpStatus followStatus = FollowUpStatus::Essayee;
    std::string followDate;         // as typed (JJ/MM/AAAA); empty: today
    std::string followNote;
    Submission followSent;          // the form empties once its action is accepted
    int page = 0;                   // the projector's page of cards
    /// The lists as last made, kept while the model (its revision) and the search and filters stay the same: the
    /// search folds every practice's texts once per change, not once per frame of the tab and of the projector.
    struct Lists {
        std::uint64_t revision = ~std::uint64_t{0};
        std::string search, theme;
        std::optional<Id> cite;
        LibraryStatusFilter status = LibraryStatusFilter::All;
        std::vector<const Practice*> all, shown;  // the library; what passes the search and filters
        std::vector<std::string> themes;          // libraryThemes
    };
    mutable Lists lists;
};

/// True when `p` passes the view's search and filters.
bool libraryMatches(const Model& model, const Practice& p, const LibraryView& view);
/// The library's practices that pass the view's search and filters, in the library's order.
std::vector<const Practice*> filteredLibrary(const Model& model, const LibraryView& view);
/// Every theme of the library, each once (accents and case ignored), in alphabetical order.
std::vector<std::string> libraryThemes(const Model& model);
/// The library, what the view shows of it and its themes, made again only when `revision` (the session's) or the
/// view's search and filters changed since the last call.
const LibraryView::Lists& libraryLists(const Model& model, std::uint64_t revision, const LibraryView& view);
/// « Parentalité, Lien école-familles » → the items, trimmed, empty ones dropped: a list typed in one field (a
/// practice's themes, the evaluation's scale).
std::vector<std::string> splitCommaList(const std::string& text);
/// The items as that field shows them, separated by « , ».
std::string joinCommaList(const std::vector<std::string>& items);
/// « Amiens · étape 1 · « Comment associer les familles ? » » (or « Action-phare »).
std::string practiceOrigin(const Model& model, const Practice& p);

/// Every practice « à essaimer » of every étape: search, filters by Cité, theme and follow-up; for the one
/// selected, its origin, title, description, themes and Cité of origin (editable), the Cités interested, the
/// follow-up and a form to add one; a button projects the cards.
void drawLibraryScreen(LibraryView& view, ScreenContext& ctx);

// [SECTION] Console: the host's actions-phares (actions_phares.cpp)

struct ActionsPharesView {
    Drafts drafts;
    std::string error;
    std::string message;                // the last photo added
    std::string newTitle;
    bool focusNew = false;
    Submission newSent;
    std::map<Id, std::string> photoPath;  // per action-phare, the photo file typed (or dropped)
    std::string dropped;                  // a photo dropped on the window, for the action-phare under the mouse
};

/// The actions-phares of the selected étape: add (title, Enter), edit title, description, partners and contact,
/// add photos by path (checked and copied into the data folder), remove, project one (« Découverte »).
void drawActionsPharesScreen(ActionsPharesView& view, ScreenContext& ctx);

// [SECTION] Console: the evaluation of the day (evaluation.cpp)

struct EvaluationView {
    Drafts drafts;
    std::string error;
    std::map<Id, std::vector<int>> counts;  // grade questions: respondents per grade, being entered
    std::map<Id, std::string> texts;        // sentence and theme questions: the answer being typed
    std::map<Id, bool> focus;               // their fields keep the keyboard after Enter
    std::map<Id, Submission> sent;          // per question, what was posted
    std::vector<Id> picked;                 // practices question: the practices ticked
    int pickedCount = 1;                    // …for this many respondents
    std::optional<Id> cite;                 // the respondents' Cité (feeds « Cités intéressées »)
    bool editing = false;                   // the questionnaire's editor shows instead of the entry
    std::string newQuestion;                // the question being typed
    QuestionKind newKind = QuestionKind::Sentence;
    bool newQuestionFocus = false;
    Submission questionSent;
};

/// The questionnaire of the selected étape (made from the Tour's default, edited in place: questions added,
/// reworded, retyped, moved, removed while unanswered, the scale of the notes), opened to phones when the
/// participation runs, entry of answers as counts per grade,
/// typed sentences and themes, practices wanted (with the respondents' Cité), the answers entered (remove one),
/// the results, and a button that projects them.
void drawEvaluationScreen(EvaluationView& view, ScreenContext& ctx);

// [SECTION] Projector (essaimage_projector.cpp)

/// Projector « projecteur-decouverte »: one action-phare (ctx.item; the étape's first by default) with its photo
/// large; false when the étape has none.
bool projectDecouverte(ImDrawList* draw, ImVec2 min, ImVec2 max, const ProjectorContext& ctx);
/// The action-phare a « Découverte » starts with: the étape's first.
Id firstActionPhare(const Etape& etape);
/// Projector « projecteur-pratiques »: the practices listed on the console's Bibliothèque as cards, a page at a
/// time (the arrows turn pages on the room's window); false when none is listed.
bool projectPractices(LibraryView& view, ImDrawList* draw, ImVec2 min, ImVec2 max, const ProjectorContext& ctx);
/// Cards shown on one page of « Pratiques à essaimer ».
inline constexpr int kPracticeCardsPerPage = 4;
/// Projector « projecteur-evaluation »: the results of the selected étape's evaluation (majority-judgment
/// profiles with their medians, practices wanted, a few sentences); false when it has no questionnaire.
bool projectEvaluation(ImDrawList* draw, ImVec2 min, ImVec2 max, const ProjectorContext& ctx);

// [SECTION] Photos on screen (photo_texture.cpp)

/// Where photos' relative paths (« photos/cafe.jpg ») are found: the data folder (set by the shell each frame).
void setPhotoRoot(const std::filesystem::path& root);
/// How the platform turns RGBA pixels into a texture, and frees one; without it (headless frames) photos are
/// drawn as a framed placeholder.
struct TextureBackend {
    ImTextureID (*create)(const unsigned char* rgba, int width, int height) = nullptr;
    void (*destroy)(ImTextureID texture) = nullptr;
};
void setTextureBackend(TextureBackend backend);
/// Frees every photo texture (before the GL context goes away).
void releasePhotoTextures();
/// A photo as a texture, decoded once on a worker thread (scaled down to 2048 pixels a side at most): empty (no
/// texture, no error) while it decodes.
struct PhotoTexture {
    ImTextureID texture = nullptr;  // null: no backend, or the file could not be read
    int width = 0, height = 0;
    std::string error;              // why it could not be read
};
const PhotoTexture& photoTexture(const std::string& relativePath);
/// Waits for the photos being decoded and makes their textures (a screenshot, before its last frame).
void waitForPhotos();

}  // namespace atelier::ui
