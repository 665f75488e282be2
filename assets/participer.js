// Atelier — the participant page (issue 12 point 3). No framework, no external URL: served by the laptop with
// `Content-Security-Policy: default-src 'self'`. The device keeps its token in localStorage and follows
// GET /api/etat by long polling; every error shown is the server's French {"erreur"} when there is one.
"use strict";

(function () {
  var CLE_JETON = "atelier.jeton";
  var MAX_IDEE = 500;
  var ACCES_FERME = "Votre accès a été fermé : rejoignez l'atelier avec le code affiché à l'écran.";
  var RESEAU = "Connexion perdue, nouvelle tentative…";
  var METHODES = {
    dot: "Répartissez vos points entre les propositions.",
    approval: "Cochez toutes les propositions que vous approuvez.",
    majority: "Donnez une mention à chaque proposition.",
    borda: "Classez les propositions : la première est votre préférée.",
    schulze: "Classez les propositions : la première est votre préférée."
  };

  function $(id) { return document.getElementById(id); }
  function el(tag, props, children) {
    var node = document.createElement(tag);
    if (props) Object.keys(props).forEach(function (k) {
      if (k === "text") node.textContent = props[k];
      else if (k === "class") node.className = props[k];
      else if (k === "hidden") node.hidden = !!props[k];
      else if (k in node && typeof props[k] !== "string") node[k] = props[k];
      else node.setAttribute(k, props[k]);
    });
    (children || []).forEach(function (c) { if (c) node.appendChild(c); });
    return node;
  }
  function longueur(s) { return Array.from(s).length; }  // characters, not UTF-16 units

  // [SECTION] Messages

  function alerte(message) { $("alerte").textContent = message || ""; }
  function connexion(message) { $("connexion").textContent = message || ""; }
  function confirmer(id, message) {
    var zone = $(id);
    zone.textContent = message || "";
  }

  // [SECTION] Calls to the laptop

  var jeton = null;
  try { jeton = window.localStorage.getItem(CLE_JETON); } catch (e) { jeton = null; }
  function garderJeton(valeur) {
    jeton = valeur;
    try {
      if (valeur) window.localStorage.setItem(CLE_JETON, valeur);
      else window.localStorage.removeItem(CLE_JETON);
    } catch (e) { /* private mode: the token lives as long as the page */ }
  }

  // Resolves {statut, donnees} (statut 0: the network failed); a 401 sends the device back to the join screen.
  function appel(methode, chemin, corps, options) {
    options = options || {};
    var entetes = { "Accept": "application/json" };
    if (corps !== undefined) entetes["Content-Type"] = "application/json";
    if (jeton && !options.sansJeton) entetes["Authorization"] = "Bearer " + jeton;
    var init = { method: methode, headers: entetes, cache: "no-store", credentials: "same-origin" };
    if (corps !== undefined) init.body = JSON.stringify(corps);
    if (options.signal) init.signal = options.signal;
    return fetch(chemin, init).then(function (reponse) {
      return reponse.text().then(function (texte) {
        var donnees = null;
        try { donnees = texte ? JSON.parse(texte) : null; } catch (e) { donnees = null; }
        if (reponse.status === 401 && !options.sansJeton) deconnecter(erreurDe(donnees, ACCES_FERME));
        return { statut: reponse.status, donnees: donnees };
      });
    }, function (erreur) {
      if (erreur && erreur.name === "AbortError") return { statut: -1, donnees: null };
      return { statut: 0, donnees: null };
    });
  }
  function erreurDe(donnees, defaut) {
    return donnees && typeof donnees.erreur === "string" && donnees.erreur ? donnees.erreur : defaut;
  }
  function erreurReponse(r, defaut) {
    if (r.statut === 0) return "Le téléphone n'arrive pas à joindre l'ordinateur de l'animateur. Vérifiez le Wi-Fi et réessayez.";
    return erreurDe(r.donnees, defaut);
  }

  // [SECTION] Screens

  var ECRANS = ["ecran-rejoindre", "ecran-idees", "ecran-vote", "ecran-evaluation", "ecran-attente"];
  function montrer(id) {
    ECRANS.forEach(function (e) { $(e).hidden = e !== id; });
  }

  // [SECTION] Joining

  var salleDemandee = "";
  var erreurDeCode = false;  // the alert on screen says the code is wrong
  function codeSaisi() { return $("code").value.replace(/\D/g, "").slice(0, 6); }

  function remplirChoix(select, valeurs, vide) {
    select.textContent = "";
    select.appendChild(el("option", { value: "", text: vide }));
    valeurs.forEach(function (v) { select.appendChild(el("option", { value: v, text: v })); });
  }
  function champsLibres() {
    $("champ-cite").hidden = true; $("champ-groupe").hidden = true;
    $("champ-cite-texte").hidden = false; $("champ-groupe-texte").hidden = false;
  }
  function chercherSalle() {
    var code = codeSaisi();
    if (code.length !== 6 || code === salleDemandee) return;
    salleDemandee = code;
    $("aide-code").textContent = "Recherche de la salle…";
    appel("POST", "/api/salle", { code: code }, { sansJeton: true }).then(function (r) {
      if (codeSaisi() !== code) return;
      $("aide-code").textContent = "";
      if (r.statut === 200 && r.donnees) {
        if (erreurDeCode) alerte("");  // the code is right now; any other message (an access closed) stays
        erreurDeCode = false;
        var cites = Array.isArray(r.donnees.cites) ? r.donnees.cites : [];
        var groupes = Array.isArray(r.donnees.groupes) ? r.donnees.groupes : [];
        if (r.donnees.etape && r.donnees.etape.titre) $("aide-code").textContent = "Salle trouvée : " + r.donnees.etape.titre;
        $("champ-cite-texte").hidden = cites.length > 0; $("champ-cite").hidden = cites.length === 0;
        $("champ-groupe-texte").hidden = true; $("champ-groupe").hidden = groupes.length === 0;
        remplirChoix($("cite"), cites, "— Choisir ma Cité —");
        remplirChoix($("groupe"), groupes, "— Choisir mon groupe —");
      } else if (r.statut === 403 || r.statut === 429) {
        salleDemandee = "";
        erreurDeCode = true;
        alerte(erreurReponse(r, "Code incorrect."));
      } else {
        champsLibres();  // an older server, or the network: joining still works with free text
      }
    });
  }

  function valeurChoisie(select, texte) {
    if (!$(select.id === "cite" ? "champ-cite" : "champ-groupe").hidden) return select.value;
    if (!$(texte.id === "cite-texte" ? "champ-cite-texte" : "champ-groupe-texte").hidden) return texte.value.trim();
    return "";
  }

  function rejoindre(evenement) {
    evenement.preventDefault();
    alerte("");
    var code = codeSaisi();
    if (code.length !== 6) {
      alerte("Le code de la salle a six chiffres : recopiez-le depuis l'écran.");
      $("code").focus();
      return;
    }
    var corps = { code: code };
    var prenom = $("prenom").value.trim();
    var cite = valeurChoisie($("cite"), $("cite-texte"));
    var groupe = valeurChoisie($("groupe"), $("groupe-texte"));
    if (prenom) corps.prenom = prenom;
    if (cite) corps.cite = cite;
    if (groupe) corps.groupe = groupe;
    var bouton = $("bouton-rejoindre");
    bouton.disabled = true;
    appel("POST", "/api/rejoindre", corps, { sansJeton: true }).then(function (r) {
      bouton.disabled = false;
      if (r.statut === 200 && r.donnees && r.donnees.jeton) {
        garderJeton(r.donnees.jeton);
        demarrer();
      } else {
        alerte(erreurReponse(r, "Impossible de rejoindre l'atelier."));
        $("code").focus();
      }
    });
  }

  function ecranRejoindre(message) {
    arreterSuivi();
    $("onglets").hidden = true;
    $("moi").hidden = true;
    $("minuteur-entete").hidden = true;
    $("titre-etape").textContent = "Participer à l'atelier";
    $("marque").textContent = "Atelier";
    document.title = "Atelier — Rejoindre";
    montrer("ecran-rejoindre");
    alerte(message || "");
    connexion("");
    var code = codeSaisi();
    if (code.length === 6) chercherSalle();
  }

  function deconnecter(message) {
    garderJeton(null);
    etat = null;
    tableauRendu = null; voteRendu = null;
    ecranRejoindre(message);
  }

  // [SECTION] Following the room (long polling)

  var etat = null;
  var generation = 0;   // a new loop makes the older one stop
  var enCours = null;   // AbortController of the pending poll
  var revision = null;

  function arreterSuivi() {
    generation += 1;
    if (enCours) enCours.abort();
    enCours = null;
  }

  function suivre() {
    arreterSuivi();
    var moi = generation;
    revision = null;
    (function tour() {
      if (moi !== generation) return;
      var controle = typeof AbortController === "function" ? new AbortController() : null;
      enCours = controle;
      var delai = setTimeout(function () { if (controle) controle.abort(); }, 35000);
      var chemin = "/api/etat" + (revision === null ? "" : "?revision=" + encodeURIComponent(revision));
      appel("GET", chemin, undefined, { signal: controle ? controle.signal : undefined }).then(function (r) {
        clearTimeout(delai);
        if (moi !== generation) return;
        if (r.statut === 200 && r.donnees) {
          connexion("");
          var nouvelle = r.donnees.revision;
          recevoir(r.donnees, nouvelle !== revision);
          revision = nouvelle === undefined ? null : nouvelle;
          setTimeout(tour, revision === null ? 1000 : 0);
        } else if (r.statut === 401) {
          // deconnecter() already ran
        } else if (r.statut === -1) {
          setTimeout(tour, 0);  // our own timeout: ask again
        } else {
          connexion(r.statut === 0 ? RESEAU : erreurReponse(r, RESEAU));
          setTimeout(tour, 2000);
        }
      });
    })();
  }

  function demarrer() {
    alerte("");
    $("titre-etape").textContent = "Atelier";
    $("attente-etape").textContent = "Connexion à l'atelier…";
    montrer("ecran-attente");
    suivre();
  }

  document.addEventListener("visibilitychange", function () {
    // A phone that was locked asks again at once rather than waiting for a stale request.
    if (document.visibilityState === "visible" && jeton && $("ecran-rejoindre").hidden) suivre();
  });

  // [SECTION] Rendering the state

  var ongletChoisi = null;   // "idees" | "vote" when both are open
  var activitePrecedente = null;

  function recevoir(nouvel, change) {
    etat = nouvel;
    var etape = nouvel.etape || {};
    var numero = etape.numero ? "Étape " + etape.numero : "";
    var titre = etape.titre || numero || "Atelier";
    $("marque").textContent = numero ? "Atelier · " + numero : "Atelier";
    $("titre-etape").textContent = titre;
    document.title = "Atelier — " + (numero ? numero + " — " : "") + titre;
    var moi = nouvel.moi || {};
    var qui = [moi.prenom, moi.cite, moi.groupe].filter(function (x) { return x; });
    $("moi").textContent = qui.length ? "Vous : " + qui.join(" · ") : "";
    $("moi").hidden = qui.length === 0;
    reglerMinuteur(nouvel.minuteur_s);

    var activite = nouvel.activite;
    var deux = !!(nouvel.tableau && nouvel.vote && (activite === "idees" || activite === "vote"));
    if (activite !== activitePrecedente) ongletChoisi = null;  // the facilitator opened something: follow it
    activitePrecedente = activite;
    $("onglets").hidden = !deux;
    var affiche = activite;
    if (deux) {
      affiche = ongletChoisi || activite;
      $("onglet-idees").setAttribute("aria-pressed", String(affiche === "idees"));
      $("onglet-vote").setAttribute("aria-pressed", String(affiche === "vote"));
    }
    if (affiche === "idees" && nouvel.tableau) {
      rendreTableau(nouvel.tableau, change);
      montrer("ecran-idees");
    } else if (affiche === "vote" && nouvel.vote) {
      rendreVote(nouvel.vote);
      montrer("ecran-vote");
    } else if (affiche === "evaluation") {
      montrer("ecran-evaluation");
    } else {
      $("attente-etape").textContent = "L'animateur va ouvrir la prochaine activité.";
      montrer("ecran-attente");
    }
    battre();  // the header's countdown only when the waiting screen does not show it large
  }

  function choisirOnglet(nom) {
    ongletChoisi = nom;
    if (etat) recevoir(etat, true);
    $(nom === "idees" ? "onglet-idees" : "onglet-vote").focus();
  }

  // [SECTION] Countdown (updated every second here, set again by every state)

  var finMinuteur = null;
  function reglerMinuteur(secondes) {
    finMinuteur = typeof secondes === "number" && secondes >= 0 ? Date.now() + secondes * 1000 : null;
    battre();
  }
  function mmss(ms) {
    var s = Math.max(0, Math.ceil(ms / 1000));
    var m = Math.floor(s / 60);
    s %= 60;
    return (m < 10 ? "0" : "") + m + ":" + (s < 10 ? "0" : "") + s;
  }
  function battre() {
    var actif = finMinuteur !== null && !!jeton;
    $("attente-minuteur").hidden = !actif;
    $("minuteur-entete").hidden = !actif || !$("ecran-attente").hidden;
    if (!actif) return;
    var texte = mmss(finMinuteur - Date.now());
    $("attente-temps").textContent = texte;
    $("minuteur-entete").textContent = "Temps restant : " + texte;
  }
  setInterval(battre, 1000);

  // [SECTION] Ideas

  var tableauRendu = null;   // id of the board whose form is on screen
  var colonneChoisie = null;
  var edition = null;        // {id, brouillon} while one of my ideas is being edited
  var dernieresIdees = null;

  // The board's columns as [{id, nom}] (the server sends {id, nom}; plain names are taken too).
  function colonnesDe(tableau) {
    var brutes = tableau && Array.isArray(tableau.colonnes) ? tableau.colonnes : [];
    return brutes.map(function (c) {
      return c && typeof c === "object" ? { id: c.id, nom: String(c.nom || c.titre || c.id) } : { id: c, nom: String(c) };
    });
  }
  function nomColonne(id) {
    var trouvee = colonnesDe(etat && etat.tableau).filter(function (c) { return c.id === id; })[0];
    return trouvee ? trouvee.nom : typeof id === "string" ? id : "";
  }

  function rendreTableau(tableau, change) {
    $("titre-tableau").textContent = tableau.titre || "Idées";
    var colonnes = colonnesDe(tableau);
    var cle = tableau.id + "|" + colonnes.map(function (c) { return c.id + "=" + c.nom; }).join("|");
    if (cle !== tableauRendu) {
      tableauRendu = cle;
      var ids = colonnes.map(function (c) { return c.id; });
      if (ids.indexOf(colonneChoisie) < 0) colonneChoisie = ids.length ? ids[0] : null;
      var liste = $("liste-colonnes");
      liste.textContent = "";
      colonnes.forEach(function (c, i) {
        var radio = el("input", { type: "radio", name: "colonne", value: String(i) });
        radio.checked = c.id === colonneChoisie;
        radio.addEventListener("change", function () { colonneChoisie = c.id; });
        liste.appendChild(el("label", { class: "option" }, [radio, el("span", { text: c.nom })]));
      });
      $("colonnes").hidden = colonnes.length < 2;
      if (dernieresIdees && !edition) rendreIdees();  // the column names may have changed
    }
    $("autres-masque").hidden = !tableau.masque;
    if (change || dernieresIdees === null) chargerIdees();
  }

  function compter() {
    var n = longueur($("texte-idee").value);
    var compteur = $("compteur-idee");
    compteur.textContent = n + " / " + MAX_IDEE + " caractères";
    compteur.classList.toggle("limite", n > MAX_IDEE);
  }

  function envoyerIdee(evenement) {
    evenement.preventDefault();
    alerte(""); confirmer("confirmation-idee", "");
    var texte = $("texte-idee").value.trim();
    if (!texte) { alerte("Écrivez votre idée avant de l'envoyer."); $("texte-idee").focus(); return; }
    if (longueur(texte) > MAX_IDEE) { alerte("Une idée tient en " + MAX_IDEE + " caractères au plus."); return; }
    var corps = { texte: texte };
    if (colonneChoisie !== null && colonneChoisie !== undefined) corps.colonne = colonneChoisie;
    var bouton = $("bouton-idee");
    bouton.disabled = true;
    appel("POST", "/api/idees", corps).then(function (r) {
      bouton.disabled = false;
      if (r.statut === 201 || r.statut === 200) {
        $("texte-idee").value = "";
        compter();
        confirmer("confirmation-idee", "Idée envoyée. Merci !");
        chargerIdees();
      } else if (r.statut !== 401) {
        alerte(erreurReponse(r, "L'idée n'a pas été envoyée."));
      }
    });
  }

  function chargerIdees() {
    appel("GET", "/api/idees").then(function (r) {
      if (r.statut !== 200 || !r.donnees) {
        if (r.statut === 404) { $("bloc-miennes").hidden = true; $("bloc-autres").hidden = true; }
        return;
      }
      dernieresIdees = r.donnees;
      if (!edition) rendreIdees();
    });
  }

  function rendreIdees() {
    var d = dernieresIdees || {};
    var miennes = Array.isArray(d.miennes) ? d.miennes : [];
    var autres = Array.isArray(d.autres) ? d.autres : [];
    var masque = !!(etat && etat.tableau && etat.tableau.masque);
    var ul = $("miennes");
    ul.textContent = "";
    miennes.forEach(function (idee) { ul.appendChild(ligneMienne(idee)); });
    $("bloc-miennes").hidden = miennes.length === 0;
    var ua = $("autres");
    ua.textContent = "";
    if (!masque) autres.forEach(function (idee) {
      var colonne = nomColonne(idee.colonne);
      ua.appendChild(el("li", null, [el("p", { class: "idee-texte", text: idee.texte }),
        colonne ? el("p", { class: "idee-colonne", text: colonne }) : null]));
    });
    if (!masque && autres.length === 0) ua.appendChild(el("li", null, [el("p", { class: "aide", text: "Pas encore d'autre idée." })]));
    $("bloc-autres").hidden = false;
    ua.hidden = masque;
  }

  function ligneMienne(idee) {
    var li = el("li");
    if (edition && edition.id === idee.id) {
      var zone = el("textarea", { id: "edition-" + idee.id, rows: "4", maxlength: String(MAX_IDEE) });
      zone.value = edition.brouillon;
      zone.addEventListener("input", function () { edition.brouillon = zone.value; });
      var enregistrer = el("button", { type: "button", class: "principal", text: "Enregistrer" });
      enregistrer.addEventListener("click", function () { modifierIdee(idee.id, zone.value); });
      var annuler = el("button", { type: "button", text: "Annuler" });
      annuler.addEventListener("click", function () { edition = null; rendreIdees(); });
      li.appendChild(el("label", { for: "edition-" + idee.id, text: "Modifier mon idée" }));
      li.appendChild(zone);
      li.appendChild(el("div", { class: "actions" }, [enregistrer, annuler]));
      setTimeout(function () { zone.focus(); }, 0);
      return li;
    }
    li.appendChild(el("p", { class: "idee-texte", text: idee.texte }));
    var colonne = nomColonne(idee.colonne);
    if (colonne) li.appendChild(el("p", { class: "idee-colonne", text: colonne }));
    if (idee.modifiable) {
      var modifier = el("button", { type: "button", text: "Modifier", "aria-label": "Modifier : " + idee.texte });
      modifier.addEventListener("click", function () { edition = { id: idee.id, brouillon: idee.texte }; rendreIdees(); });
      var supprimer = el("button", { type: "button", class: "danger", text: "Supprimer", "aria-label": "Supprimer : " + idee.texte });
      supprimer.addEventListener("click", function () { supprimerIdee(idee); });
      li.appendChild(el("div", { class: "actions" }, [modifier, supprimer]));
    } else {
      li.appendChild(el("p", { class: "aide", text: "Rangée par l'animateur : elle ne se modifie plus." }));
    }
    return li;
  }

  function modifierIdee(id, texte) {
    alerte("");
    texte = texte.trim();
    if (!texte) { alerte("Une idée ne peut pas être vide : utilisez « Supprimer »."); return; }
    if (longueur(texte) > MAX_IDEE) { alerte("Une idée tient en " + MAX_IDEE + " caractères au plus."); return; }
    appel("PUT", "/api/idees/" + encodeURIComponent(id), { texte: texte }).then(function (r) {
      if (r.statut === 200 || r.statut === 204) {
        edition = null;
        confirmer("confirmation-idee", "Idée modifiée.");
        chargerIdees();
      } else if (r.statut !== 401) {
        alerte(erreurReponse(r, "L'idée n'a pas été modifiée."));
        if (r.statut === 404 || r.statut === 409) { edition = null; chargerIdees(); }
      }
    });
  }

  function supprimerIdee(idee) {
    alerte("");
    if (!window.confirm("Supprimer cette idée ?\n\n" + idee.texte)) return;
    appel("DELETE", "/api/idees/" + encodeURIComponent(idee.id)).then(function (r) {
      if (r.statut === 200 || r.statut === 204) {
        confirmer("confirmation-idee", "Idée supprimée.");
        chargerIdees();
      } else if (r.statut !== 401) {
        alerte(erreurReponse(r, "L'idée n'a pas été supprimée."));
        chargerIdees();
      }
    });
  }

  // [SECTION] Ballots

  var voteRendu = null;   // key of the ballot on screen (vote id, method, proposals)
  var choix = null;       // what the ballot holds, by method

  function cleBulletin(methode) {
    return { dot: "dots", approval: "approve", majority: "grades", borda: "ranking", schulze: "ranking" }[methode];
  }

  function rendreVote(vote) {
    var propositions = Array.isArray(vote.propositions) ? vote.propositions : [];
    var mentions = Array.isArray(vote.mentions) ? vote.mentions : [];
    var cle = [vote.id, vote.methode, vote.points_par_votant, propositions.join("\u0001"), mentions.join("\u0001")].join("|");
    $("titre-vote").textContent = vote.question || "Vote";
    $("bouton-vote").textContent = vote.a_vote ? "Modifier mon vote" : "Envoyer mon vote";
    if (cle === voteRendu) return;  // keep what the participant is choosing
    voteRendu = cle;
    confirmer("confirmation-vote", vote.a_vote ? "Vote enregistré. Vous pouvez le modifier tant que le vote est ouvert." : "");
    var consigne = METHODES[vote.methode];
    $("consigne-vote").textContent = consigne || "Ce type de vote ne se fait pas encore depuis un téléphone.";
    $("bouton-vote").hidden = !consigne;
    var bulletin = vote.mon_bulletin && typeof vote.mon_bulletin === "object" ? vote.mon_bulletin : null;
    var precedent = bulletin && cleBulletin(vote.methode) in bulletin ? bulletin[cleBulletin(vote.methode)] : bulletin;
    var zone = $("bulletin");
    zone.textContent = "";
    if (vote.methode === "majority") bulletinMentions(zone, propositions, mentions, precedent);
    else if (vote.methode === "approval") bulletinApprobation(zone, propositions, precedent);
    else if (vote.methode === "dot") bulletinPoints(zone, propositions, vote.points_par_votant || 0, precedent);
    else if (vote.methode === "borda" || vote.methode === "schulze") bulletinClassement(zone, propositions, precedent);
    else choix = null;
  }

  function bulletinMentions(zone, propositions, mentions, precedent) {
    choix = { methode: "majority", notes: {} };
    var ordre = mentions.slice().reverse();  // the best first, as on paper
    propositions.forEach(function (p, i) {
      var options = el("div", { class: "options colonne" });
      ordre.forEach(function (m, j) {
        var radio = el("input", { type: "radio", name: "mention-" + i, value: m, id: "mention-" + i + "-" + j });
        if (precedent && precedent[p] === m) { radio.checked = true; choix.notes[p] = m; }
        radio.addEventListener("change", function () { choix.notes[p] = m; });
        options.appendChild(el("label", { class: "option", for: radio.id }, [radio, el("span", { text: m })]));
      });
      zone.appendChild(el("fieldset", { class: "proposition", id: "proposition-" + i }, [el("legend", { text: p }), options]));
    });
  }

  function bulletinApprobation(zone, propositions, precedent) {
    choix = { methode: "approval", approuve: {} };
    var options = el("div", { class: "options colonne" });
    propositions.forEach(function (p, i) {
      var boite = el("input", { type: "checkbox", value: p, id: "approuve-" + i });
      if (Array.isArray(precedent) && precedent.indexOf(p) >= 0) { boite.checked = true; choix.approuve[p] = true; }
      boite.addEventListener("change", function () { choix.approuve[p] = boite.checked; });
      options.appendChild(el("label", { class: "option", for: boite.id }, [boite, el("span", { text: p })]));
    });
    zone.appendChild(el("fieldset", null, [el("legend", { text: "Propositions" }), options]));
  }

  function bulletinPoints(zone, propositions, budget, precedent) {
    choix = { methode: "dot", points: {}, budget: budget };
    propositions.forEach(function (p) {
      var n = precedent && typeof precedent[p] === "number" ? precedent[p] : 0;
      choix.points[p] = n;
    });
    var reste = el("p", { class: "budget", "aria-live": "polite" });
    zone.appendChild(reste);
    var lignes = [];
    function total() { return propositions.reduce(function (s, p) { return s + choix.points[p]; }, 0); }
    function majour() {
      var r = budget - total();
      reste.textContent = r === 1 ? "Il vous reste 1 point" : "Il vous reste " + r + " points";
      lignes.forEach(function (l) {
        l.sortie.textContent = String(choix.points[l.p]);
        l.moins.disabled = choix.points[l.p] <= 0;
        l.plus.disabled = r <= 0;
      });
    }
    propositions.forEach(function (p, i) {
      var sortie = el("output", { id: "points-" + i, "aria-live": "polite" });
      var moins = el("button", { type: "button", text: "−", "aria-label": "Retirer un point à « " + p + " »" });
      var plus = el("button", { type: "button", text: "+", "aria-label": "Ajouter un point à « " + p + " »" });
      moins.addEventListener("click", function () { if (choix.points[p] > 0) { choix.points[p] -= 1; majour(); } });
      plus.addEventListener("click", function () { if (total() < budget) { choix.points[p] += 1; majour(); } });
      lignes.push({ p: p, sortie: sortie, moins: moins, plus: plus });
      zone.appendChild(el("div", { class: "proposition", role: "group", "aria-labelledby": "nom-points-" + i }, [
        el("p", { class: "nom", id: "nom-points-" + i, text: p }),
        el("div", { class: "points" }, [moins, sortie, plus])]));
    });
    majour();
  }

  function bulletinClassement(zone, propositions, precedent) {
    var ordre = propositions.slice();
    if (Array.isArray(precedent) && precedent.length) {
      var connus = precedent.filter(function (p) { return propositions.indexOf(p) >= 0; });
      ordre = connus.concat(propositions.filter(function (p) { return connus.indexOf(p) < 0; }));
    }
    choix = { methode: "classement", ordre: ordre };
    var liste = el("ol", { class: "classement", "aria-label": "Votre classement" });
    zone.appendChild(liste);
    function dessiner(bouge, sens) {
      liste.textContent = "";
      ordre.forEach(function (p, i) {
        var monter = el("button", { type: "button", text: "Monter", "aria-label": "Monter « " + p + " »" });
        var descendre = el("button", { type: "button", text: "Descendre", "aria-label": "Descendre « " + p + " »" });
        monter.disabled = i === 0;
        descendre.disabled = i === ordre.length - 1;
        monter.addEventListener("click", function () { deplacer(i, -1); });
        descendre.addEventListener("click", function () { deplacer(i, 1); });
        var li = el("li", { class: p === bouge ? "bouge" : "" }, [
          el("span", { class: "rang", "aria-hidden": "true", text: String(i + 1) }),
          el("span", { class: "nom", text: p }),
          el("div", { class: "actions" }, [monter, descendre])]);
        liste.appendChild(li);
        if (p === bouge) {
          var cible = sens < 0 ? (monter.disabled ? descendre : monter) : (descendre.disabled ? monter : descendre);
          setTimeout(function () { cible.focus(); }, 0);
        }
      });
    }
    function deplacer(i, sens) {
      var j = i + sens;
      if (j < 0 || j >= ordre.length) return;
      var p = ordre[i];
      ordre[i] = ordre[j];
      ordre[j] = p;
      dessiner(p, sens);
    }
    dessiner(null, 0);
  }

  function envoyerVote(evenement) {
    evenement.preventDefault();
    alerte(""); confirmer("confirmation-vote", "");
    if (!etat || !etat.vote || !choix) return;
    var corps = { vote: etat.vote.id };
    if (choix.methode === "majority") {
      var propositions = etat.vote.propositions || [];
      for (var i = 0; i < propositions.length; i++) {
        if (!choix.notes[propositions[i]]) {
          alerte("Choisissez une mention pour « " + propositions[i] + " ».");
          var premier = document.querySelector("#proposition-" + i + " input");
          if (premier) premier.focus();
          return;
        }
      }
      corps.grades = choix.notes;
    } else if (choix.methode === "approval") {
      corps.approve = Object.keys(choix.approuve).filter(function (p) { return choix.approuve[p]; });
    } else if (choix.methode === "dot") {
      corps.dots = {};
      Object.keys(choix.points).forEach(function (p) { if (choix.points[p] > 0) corps.dots[p] = choix.points[p]; });
    } else {
      corps.ranking = choix.ordre.slice();
    }
    var bouton = $("bouton-vote");
    bouton.disabled = true;
    appel("POST", "/api/bulletin", corps).then(function (r) {
      bouton.disabled = false;
      if (r.statut === 200 || r.statut === 201) {
        bouton.textContent = "Modifier mon vote";
        confirmer("confirmation-vote", "Vote enregistré. Vous pouvez le modifier tant que le vote est ouvert.");
      } else if (r.statut !== 401) {
        alerte(erreurReponse(r, "Le vote n'a pas été enregistré."));
      }
    });
  }

  // [SECTION] Start

  function initialiser() {
    $("form-rejoindre").addEventListener("submit", rejoindre);
    $("code").addEventListener("input", function () {
      var propre = codeSaisi();
      if ($("code").value !== propre) $("code").value = propre;
      chercherSalle();
    });
    $("form-idee").addEventListener("submit", envoyerIdee);
    $("texte-idee").addEventListener("input", compter);
    $("form-vote").addEventListener("submit", envoyerVote);
    $("onglet-idees").addEventListener("click", function () { choisirOnglet("idees"); });
    $("onglet-vote").addEventListener("click", function () { choisirOnglet("vote"); });
    compter();
    var code = new URLSearchParams(window.location.search).get("code");
    if (code) $("code").value = code.replace(/\D/g, "").slice(0, 6);
    if (jeton) demarrer();
    else ecranRejoindre("");
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", initialiser);
  else initialiser();
})();
