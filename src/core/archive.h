// The capitalisation archive of an étape, as plain values: what `sessions/<date>-<slug>/etape.json` holds.
// Built from the model by makeArchive (no email, only the people present), written and read by store/archive.h,
// rendered by export/summary.h. Plain C++20: no files here.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/model.h"

namespace atelier {

/// The name of the format, written at the top of every archive.
inline constexpr const char* kArchiveFormatName = "atelier-etape";
/// The version of the format this Atelier writes and reads; an archive with a higher one is refused.
/// Bump it whenever a class version of anything in the archive changes (and keep reading the older ones).
inline constexpr int kArchiveFormatVersion = 4;  // 2: people's structure and function; 3: rounds run;
                                                 // 4: actions-phares, evaluation, practices of the library

/// The header of an archive: which format, which version, written by which Atelier.
struct ArchiveFormat {
    std::string name = kArchiveFormatName;
    int version = kArchiveFormatVersion;
    std::string atelier;  // version of the Atelier that wrote it
    bool example = false; // an example archive of the repository (sessions/examples/), not a real day
    bool operator==(const ArchiveFormat&) const = default;
};

/// A person present at the étape, without any contact detail.
struct ArchivedPerson {
    Id id = 0;
    std::string name;
    std::string territory;  // its name, empty when none
    bool cite = false;      // the territory is a Cité éducative
    Institution institution = Institution::Autre;
    Role role = Role::Autre;
    std::string structure;  // as typed (« Mairie d'Amiens »); empty in archives of format 1
    std::string function;   // as typed (« Chargée de mission »); empty in archives of format 1
    bool operator==(const ArchivedPerson&) const = default;
};

/// The counted result of one vote (tally), kept beside its ballots.
struct ArchivedResult {
    Id vote = 0;
    bool counted = false;                    // false: the vote could not be counted (`error` says why)
    std::string error;
    std::vector<std::vector<int>> ranking;   // tiers of option indices, best first
    std::vector<long long> scores;           // per option (see TallyResult)
    long long ballots = 0;
    std::vector<std::string> grades;         // majority judgment: the scale, worst first
    bool operator==(const ArchivedResult&) const = default;
};

/// A follow-up of a practice, the Cité named.
struct ArchivedFollowUp {
    std::string cite;
    FollowUpStatus status = FollowUpStatus::Essayee;
    Date date;
    std::string note;
    bool operator==(const ArchivedFollowUp&) const = default;
};

/// A practice of the day: an idea marked « pratique à essaimer » (board, column, group) or, since format 4, an
/// action-phare; since format 4 with its id in the library, its title, description, themes, interested Cités and
/// follow-ups as they were at the save.
struct ArchivedPractice {
    std::string board;     // empty for an action-phare
    std::string category;
    std::string text;      // the title
    std::string group;
    Id id = 0;             // format 4: the practice's id in the library (0 in older archives)
    PracticeSource source = PracticeSource::Board;
    std::string cite;      // the Cité it comes from
    std::string description;
    std::vector<std::string> themes;
    std::vector<std::string> interested;  // Cités, by name
    std::vector<ArchivedFollowUp> followUps;
    bool operator==(const ArchivedPractice&) const = default;
};

/// Everything an étape produced, as archived.
struct EtapeArchive {
    ArchiveFormat format;
    std::string savedAt;   // ISO date-time (UTC) of the save, as given by the caller
    std::string host;      // the host Cité's name, empty when « à confirmer »
    Etape etape;           // header, programme, present registrations, votes, groups, icebreaker, boards
    std::vector<ArchivedPerson> people;
    std::vector<ArchivedResult> results;  // one per vote, in the order of etape.votes
    std::vector<ArchivedPractice> practices;
    int ideaCount() const;
    long long ballotCount() const;
    const ArchivedPerson* person(Id id) const;
    bool operator==(const EtapeArchive&) const = default;
};

/// The archive of `etape`: only the people present (or placed in a group or the icebreaker), no email,
/// the votes counted with tally(), the practices gathered from the boards.
EtapeArchive makeArchive(const Model& model, const Etape& etape, std::string atelierVersion, std::string savedAt);

/// Largest score an archived result may hold (far above any real count; keeps every sum and +1 from overflow).
inline constexpr long long kMaxArchivedScore = 1'000'000'000'000'000;

/// The first inconsistency of an archive read from a file, in French, naming the field by its path in
/// etape.json (« archive.results[0].ranking[1][0] : … »): an option, grade or vote index out of range, a count
/// or a score out of bounds, a time of day out of the day. Empty when every index and count can be used as is.
std::string checkArchive(const EtapeArchive& archive);

/// The folder name of an étape's archive: "2020-02-11-amiens" (date, then the host Cité or the theme, in
/// lower-case ASCII with dashes; "etape-N" when both are empty).
std::string archiveFolderName(const EtapeArchive& archive);

}  // namespace atelier
