#!/bin/sh
# The command line of atelier.exe end to end under wine64 (run by build.sh; usage: cli_e2e.sh ATELIER.EXE WORKDIR).
# A folder with accents, spaces and an apostrophe; a CSV saved by Excel in Windows-1252; importer, idees, groupes,
# depouiller, exporter, archive enregistrer/verifier. Prints one line per step; exits 1 at the first failure.
set -u
EXE=$1
WORK=$2
WINE64=$(command -v wine64 || echo /usr/lib/wine/wine64)
rm -rf "$WORK" && mkdir -p "$WORK/Données d'étape 1"
DIR="$WORK/Données d'étape 1"
W() { printf 'Z:%s' "$1"; }  # the Windows name of a Linux path under Wine (drive Z: is /)
fail=0
step() {  # step NAME EXPECTED-TEXT ARGS...
    name=$1; expected=$2; shift 2
    out=$("$WINE64" "$EXE" "$@" 2>&1 | tr -d '\r'); code=$?
    if printf '%s' "$out" | grep -qF -- "$expected"; then
        echo "ok    $name"
    else
        echo "ECHEC $name (attendu : « $expected »)"; printf '%s\n' "$out" | sed 's/^/      /' | head -15; fail=1
    fi
}
DATA=$(W "$DIR/données")
# Windows-1252 (octal for sh's printf): é = 351, à = 340, € = 200, ç = 347, É = 311, è = 350, as Excel's
# « CSV (séparateur : point-virgule) » writes them, with CRLF line ends
printf 'texte;groupe;categorie\r\nUne id\351e \340 150 \200;Groupe 1;Leviers\r\nLe fran\347ais d'"'"'abord;Groupe 2;Freins\r\n' \
    > "$DIR/idées excel.csv"
printf 'id;nom;cite;institution\r\na;Zo\351;Lille;Association\r\nb;Andr\351;Lens;Mairie de Lens\r\nc;C\351line;Arras;Association\r\nd;L\351a;Douai;Coll\350ge Jean Mac\351\r\n' \
    > "$DIR/présents.csv"
printf '{"method": "borda", "options": ["Été", "Hiver"], "ballots": [{"count": 2, "ranking": ["Été", "Hiver"]}, {"count": 1, "ranking": ["Hiver", "Été"]}]}' \
    > "$DIR/vote à compter.json"
step "importer idees (CSV Windows-1252, dossier accentué)" "2" --data "$DATA" importer idees --etape 1 --tableau "Mur d'idées" "$(W "$DIR/idées excel.csv")"
step "idees : accents et € relus en UTF-8" "Une idée à 150 €" --data "$DATA" idees --etape 1
step "groupes (roster Windows-1252)" "Zoé" groupes --roster "$(W "$DIR/présents.csv")" --groups 2 --rounds 1 --seed 1
step "depouiller" "Été" depouiller "$(W "$DIR/vote à compter.json")"
step "exporter" "" --data "$DATA" exporter --etape 1 --out "$(W "$DIR/export")"
for f in synthese.html synthese.md idees.csv votes.csv; do
    if [ -s "$DIR/export/$f" ]; then echo "ok    exporter : $f"; else echo "ECHEC exporter : $f manque"; fail=1; fi
done
grep -q "Une idée à 150 €" "$DIR/export/idees.csv" 2>/dev/null && echo "ok    idees.csv en UTF-8" || { echo "ECHEC idees.csv"; fail=1; }
step "archive enregistrer" "" --data "$DATA" archive enregistrer --etape 1
archive=$(find "$DIR/données/sessions" -name etape.json | head -1)
if [ -n "$archive" ]; then
    step "archive verifier" "Archive valide" archive verifier "$(W "$archive")"
    step "archive liste" "1" --data "$DATA" archive liste
else
    echo "ECHEC archive enregistrer : pas de etape.json"; fail=1
fi
exit $fail
