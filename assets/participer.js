// Atelier — the participant page (issue 12 point 3). No framework, no external URL: served by the laptop with
// `Content-Security-Policy: default-src 'self'`. The device keeps its token in localStorage and follows
// GET /api/etat by long polling with `changements=1`: the laptop answers with what changed since the revision the
// page holds (sections, ideas added, changed or removed), the whole state only the first time or when the page
// is too far behind (issue 28). Every error shown is the server's French {"erreur"} when there is one.
"use strict";

(function () {
  var TOKEN_KEY = "atelier.jeton";
  var MAX_IDEA = 500;
  var ACCESS_CLOSED = "Votre accès a été fermé : rejoignez l'atelier avec le code affiché à l'écran.";
  var NETWORK_LOST = "Connexion perdue, nouvelle tentative…";
  var METHOD_HINTS = {
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
  function charCount(s) { return Array.from(s).length; }  // characters, not UTF-16 units

  // [SECTION] Messages

  function showAlert(message) { $("alerte").textContent = message || ""; }
  function showConnection(message) { $("connexion").textContent = message || ""; }
  function showConfirmation(id, message) {
    var area = $(id);
    area.textContent = message || "";
  }

  // [SECTION] Calls to the laptop

  var token = null;
  try { token = window.localStorage.getItem(TOKEN_KEY); } catch (e) { token = null; }
  function keepToken(value) {
    token = value;
    try {
      if (value) window.localStorage.setItem(TOKEN_KEY, value);
      else window.localStorage.removeItem(TOKEN_KEY);
    } catch (e) { /* private mode: the token lives as long as the page */ }
  }

  // Resolves {statut, donnees} (statut 0: the network failed); a 401 sends the device back to the join screen.
  function call(method, path, body, options) {
    options = options || {};
    var headers = { "Accept": "application/json" };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    if (token && !options.noToken) headers["Authorization"] = "Bearer " + token;
    var request = { method: method, headers: headers, cache: "no-store", credentials: "same-origin" };
    if (body !== undefined) request.body = JSON.stringify(body);
    if (options.signal) request.signal = options.signal;
    return fetch(path, request).then(function (response) {
      return response.text().then(function (text) {
        var data = null;
        try { data = text ? JSON.parse(text) : null; } catch (e) { data = null; }
        if (response.status === 401 && !options.noToken) signOut(errorOf(data, ACCESS_CLOSED));
        return { status: response.status, data: data };
      });
    }, function (error) {
      if (error && error.name === "AbortError") return { status: -1, data: null };
      return { status: 0, data: null };
    });
  }
  function errorOf(data, fallback) {
    return data && typeof data.erreur === "string" && data.erreur ? data.erreur : fallback;
  }
  function errorOfReply(r, fallback) {
    if (r.status === 0) return "Le téléphone n'arrive pas à joindre l'ordinateur de l'animateur. Vérifiez le Wi-Fi et réessayez.";
    return errorOf(r.data, fallback);
  }

  // [SECTION] Screens

  var SCREENS = ["ecran-rejoindre", "ecran-idees", "ecran-vote", "ecran-evaluation", "ecran-attente"];
  function showScreen(id) {
    SCREENS.forEach(function (e) { $(e).hidden = e !== id; });
  }

  // [SECTION] Joining

  var roomAsked = "";
  var codeErrorShown = false;  // the alert on screen says the code is wrong
  function typedCode() { return $("code").value.replace(/\D/g, "").slice(0, 6); }

  function fillChoices(select, values, empty) {
    select.textContent = "";
    select.appendChild(el("option", { value: "", text: empty }));
    values.forEach(function (v) { select.appendChild(el("option", { value: v, text: v })); });
  }
  function freeTextFields() {
    $("champ-cite").hidden = true; $("champ-groupe").hidden = true;
    $("champ-cite-texte").hidden = false; $("champ-groupe-texte").hidden = false;
  }
  function lookUpRoom() {
    var code = typedCode();
    if (code.length !== 6 || code === roomAsked) return;
    roomAsked = code;
    $("aide-code").textContent = "Recherche de la salle…";
    call("POST", "/api/salle", { code: code }, { noToken: true }).then(function (r) {
      if (typedCode() !== code) return;
      $("aide-code").textContent = "";
      if (r.status === 200 && r.data) {
        if (codeErrorShown) showAlert("");  // the code is right now; any other message (an access closed) stays
        codeErrorShown = false;
        var cities = Array.isArray(r.data.cites) ? r.data.cites : [];
        var groups = Array.isArray(r.data.groupes) ? r.data.groupes : [];
        if (r.data.etape && r.data.etape.titre) $("aide-code").textContent = "Salle trouvée : " + r.data.etape.titre;
        $("champ-cite-texte").hidden = cities.length > 0; $("champ-cite").hidden = cities.length === 0;
        $("champ-groupe-texte").hidden = true; $("champ-groupe").hidden = groups.length === 0;
        fillChoices($("cite"), cities, "— Choisir ma Cité —");
        fillChoices($("groupe"), groups, "— Choisir mon groupe —");
      } else if (r.status === 403 || r.status === 429) {
        roomAsked = "";
        codeErrorShown = true;
        showAlert(errorOfReply(r, "Code incorrect."));
      } else {
        freeTextFields();  // an older server, or the network: joining still works with free text
      }
    });
  }

  function chosenValue(select, text) {
    if (!$(select.id === "cite" ? "champ-cite" : "champ-groupe").hidden) return select.value;
    if (!$(text.id === "cite-texte" ? "champ-cite-texte" : "champ-groupe-texte").hidden) return text.value.trim();
    return "";
  }

  function join(event) {
    event.preventDefault();
    showAlert("");
    var code = typedCode();
    if (code.length !== 6) {
      showAlert("Le code de la salle a six chiffres : recopiez-le depuis l'écran.");
      $("code").focus();
      return;
    }
    var body = { code: code };
    var firstName = $("prenom").value.trim();
    var city = chosenValue($("cite"), $("cite-texte"));
    var group = chosenValue($("groupe"), $("groupe-texte"));
    if (firstName) body.prenom = firstName;
    if (city) body.cite = city;
    if (group) body.groupe = group;
    var button = $("bouton-rejoindre");
    button.disabled = true;
    call("POST", "/api/rejoindre", body, { noToken: true }).then(function (r) {
      button.disabled = false;
      if (r.status === 200 && r.data && r.data.jeton) {
        keepToken(r.data.jeton);
        start();
      } else {
        showAlert(errorOfReply(r, "Impossible de rejoindre l'atelier."));
        $("code").focus();
      }
    });
  }

  function showJoinScreen(message) {
    stopFollowing();
    $("onglets").hidden = true;
    $("moi").hidden = true;
    $("minuteur-entete").hidden = true;
    $("titre-etape").textContent = "Participer à l'atelier";
    $("marque").textContent = "Atelier";
    document.title = "Atelier — Rejoindre";
    showScreen("ecran-rejoindre");
    showAlert(message || "");
    showConnection("");
    var code = typedCode();
    if (code.length === 6) lookUpRoom();
  }

  function signOut(message) {
    keepToken(null);
    state = null;
    boardDrawn = null; voteDrawn = null; evaluationDrawn = null; sheet = null;
    ideas = {}; lastIdeas = null; ideasChanged = true;
    showJoinScreen(message);
  }

  // [SECTION] Following the room (long polling)

  var state = null;
  var generation = 0;   // a new loop makes the older one stop
  var pending = null;   // AbortController of the pending poll
  var revision = null;

  function stopFollowing() {
    generation += 1;
    if (pending) pending.abort();
    pending = null;
  }

  function follow() {
    stopFollowing();
    var me = generation;
    revision = null;
    (function turn() {
      if (me !== generation) return;
      var controller = typeof AbortController === "function" ? new AbortController() : null;
      pending = controller;
      var timer = setTimeout(function () { if (controller) controller.abort(); }, 35000);
      var path = "/api/etat?changements=1" + (revision === null ? "" : "&revision=" + encodeURIComponent(revision));
      call("GET", path, undefined, { signal: controller ? controller.signal : undefined }).then(function (r) {
        clearTimeout(timer);
        if (me !== generation) return;
        if (r.status === 200 && r.data) {
          showConnection("");
          var newRevision = r.data.revision;
          var change = newRevision !== revision;
          receive(merge(r.data), change);
          revision = newRevision === undefined ? null : newRevision;
          setTimeout(turn, revision === null ? 1000 : 0);
        } else if (r.status === 401) {
          // signOut() already ran
        } else if (r.status === -1) {
          setTimeout(turn, 0);  // our own timeout: ask again
        } else {
          showConnection(r.status === 0 ? NETWORK_LOST : errorOfReply(r, NETWORK_LOST));
          setTimeout(turn, 2000);
        }
      });
    })();
  }

  function start() {
    showAlert("");
    $("titre-etape").textContent = "Atelier";
    $("attente-etape").textContent = "Connexion à l'atelier…";
    showScreen("ecran-attente");
    follow();
  }

  document.addEventListener("visibilitychange", function () {
    // A phone that was locked asks again at once rather than waiting for a stale request.
    if (document.visibilityState === "visible" && token && $("ecran-rejoindre").hidden) follow();
  });

  // [SECTION] Merging what changed into the state the page holds

  var ideas = {};  // id → {id, texte, colonne, mienne?, modifiable?}: the ideas of the open board this device sees

  // Applies an answer to the state held: the whole state ("complet", or an answer without "changements" from an
  // older laptop) replaces it; otherwise only the sections present change, and the ideas listed are updated.
  function merge(received) {
    var whole = !received.changements || received.complet || !state;
    var next = whole ? {} : Object.assign({}, state);
    ["etape", "activite", "tableau", "vote", "evaluation", "moi", "minuteur_s", "revision"].forEach(function (k) {
      if (k in received) next[k] = received[k];
    });
    var before = state && state.tableau ? state.tableau.id : null;
    var after = next.tableau ? next.tableau.id : null;
    if (whole || before !== after) ideas = {};
    (Array.isArray(received.idees) ? received.idees : []).forEach(function (idea) {
      if (idea && idea.id !== undefined) ideas[idea.id] = idea;
    });
    (Array.isArray(received.retirees) ? received.retirees : []).forEach(function (id) { delete ideas[id]; });
    ideasChanged = ideasChanged || whole || before !== after ||
      (Array.isArray(received.idees) && received.idees.length > 0) ||
      (Array.isArray(received.retirees) && received.retirees.length > 0);
    return next;
  }
  var ideasChanged = true;

  // [SECTION] Rendering the state

  var chosenTab = null;   // "idees" | "vote" when both are open
  var previousActivity = null;

  function receive(received, change) {
    state = received;
    var etape = received.etape || {};
    var number = etape.numero ? "Étape " + etape.numero : "";
    var title = etape.titre || number || "Atelier";
    $("marque").textContent = number ? "Atelier · " + number : "Atelier";
    $("titre-etape").textContent = title;
    document.title = "Atelier — " + (number ? number + " — " : "") + title;
    var me = received.moi || {};
    var who = [me.prenom, me.cite, me.groupe].filter(function (x) { return x; });
    $("moi").textContent = who.length ? "Vous : " + who.join(" · ") : "";
    $("moi").hidden = who.length === 0;
    setCountdown(received.minuteur_s);

    var activity = received.activite;
    var both = !!(received.tableau && received.vote && (activity === "idees" || activity === "vote"));
    if (activity !== previousActivity) chosenTab = null;  // the facilitator opened something: follow it
    previousActivity = activity;
    $("onglets").hidden = !both;
    var shown = activity;
    if (both) {
      shown = chosenTab || activity;
      $("onglet-idees").setAttribute("aria-pressed", String(shown === "idees"));
      $("onglet-vote").setAttribute("aria-pressed", String(shown === "vote"));
    }
    if (shown === "idees" && received.tableau) {
      drawBoard(received.tableau, change);
      showScreen("ecran-idees");
    } else if (shown === "vote" && received.vote) {
      drawVote(received.vote);
      showScreen("ecran-vote");
    } else if (shown === "evaluation" && received.evaluation) {
      drawEvaluation(received.evaluation);
      showScreen("ecran-evaluation");
    } else {
      $("attente-etape").textContent = "L'animateur va ouvrir la prochaine activité.";
      showScreen("ecran-attente");
    }
    tick();  // the header's countdown only when the waiting screen does not show it large
  }

  function chooseTab(name) {
    chosenTab = name;
    if (state) receive(state, true);
    $(name === "idees" ? "onglet-idees" : "onglet-vote").focus();
  }

  // [SECTION] Countdown (updated every second here, set again by every state)

  var countdownEnd = null;
  function setCountdown(seconds) {
    countdownEnd = typeof seconds === "number" && seconds >= 0 ? Date.now() + seconds * 1000 : null;
    tick();
  }
  function mmss(ms) {
    var s = Math.max(0, Math.ceil(ms / 1000));
    var m = Math.floor(s / 60);
    s %= 60;
    return (m < 10 ? "0" : "") + m + ":" + (s < 10 ? "0" : "") + s;
  }
  function tick() {
    var running = countdownEnd !== null && !!token;
    $("attente-minuteur").hidden = !running;
    $("minuteur-entete").hidden = !running || !$("ecran-attente").hidden;
    if (!running) return;
    var text = mmss(countdownEnd - Date.now());
    $("attente-temps").textContent = text;
    $("minuteur-entete").textContent = "Temps restant : " + text;
  }
  setInterval(tick, 1000);

  // [SECTION] Ideas

  var boardDrawn = null;   // id of the board whose form is on screen
  var chosenColumn = null;
  var editing = null;        // {id, brouillon} while one of my ideas is being edited
  var lastIdeas = null;

  // The board's columns as [{id, nom}] (the server sends {id, nom}; plain names are taken too).
  function columnsOf(board) {
    var raw = board && Array.isArray(board.colonnes) ? board.colonnes : [];
    return raw.map(function (c) {
      return c && typeof c === "object" ? { id: c.id, nom: String(c.nom || c.titre || c.id) } : { id: c, nom: String(c) };
    });
  }
  function columnName(id) {
    var found = columnsOf(state && state.tableau).filter(function (c) { return c.id === id; })[0];
    return found ? found.nom : typeof id === "string" ? id : "";
  }

  function drawBoard(board, change) {
    $("titre-tableau").textContent = board.titre || "Idées";
    var columns = columnsOf(board);
    var key = board.id + "|" + columns.map(function (c) { return c.id + "=" + c.nom; }).join("|");
    if (key !== boardDrawn) {
      boardDrawn = key;
      var ids = columns.map(function (c) { return c.id; });
      if (ids.indexOf(chosenColumn) < 0) chosenColumn = ids.length ? ids[0] : null;
      var list = $("liste-colonnes");
      list.textContent = "";
      columns.forEach(function (c, i) {
        var radio = el("input", { type: "radio", name: "colonne", value: String(i) });
        radio.checked = c.id === chosenColumn;
        radio.addEventListener("change", function () { chosenColumn = c.id; });
        list.appendChild(el("label", { class: "option" }, [radio, el("span", { text: c.nom })]));
      });
      $("colonnes").hidden = columns.length < 2;
      if (lastIdeas && !editing) drawIdeas();  // the column names may have changed
    }
    $("autres-masque").hidden = !board.masque;
    if (ideasChanged || lastIdeas === null) {
      ideasChanged = false;
      loadIdeas();
    }
  }

  function countCharacters() {
    var n = charCount($("texte-idee").value);
    var counter = $("compteur-idee");
    counter.textContent = n + " / " + MAX_IDEA + " caractères";
    counter.classList.toggle("limite", n > MAX_IDEA);
  }

  var pendingKey = null;  // {texte, cle} of the idea being sent, until the laptop has it
  function newKey() {
    var bytes = new Uint8Array(12);
    if (window.crypto && window.crypto.getRandomValues) window.crypto.getRandomValues(bytes);
    else for (var i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
    return Array.prototype.map.call(bytes, function (b) { return (b < 16 ? "0" : "") + b.toString(16); }).join("");
  }

  function sendIdea(event) {
    event.preventDefault();
    showAlert(""); showConfirmation("confirmation-idee", "");
    var text = $("texte-idee").value.trim();
    if (!text) { showAlert("Écrivez votre idée avant de l'envoyer."); $("texte-idee").focus(); return; }
    if (charCount(text) > MAX_IDEA) { showAlert("Une idée tient en " + MAX_IDEA + " caractères au plus."); return; }
    // The same key for a retry of the same idea: an answer lost on the way never stores it twice.
    if (!pendingKey || pendingKey.texte !== text) pendingKey = { texte: text, cle: newKey() };
    var body = { texte: text, cle: pendingKey.cle };
    if (chosenColumn !== null && chosenColumn !== undefined) body.colonne = chosenColumn;
    var button = $("bouton-idee");
    button.disabled = true;
    call("POST", "/api/idees", body).then(function (r) {
      button.disabled = false;
      if (r.status === 201 || r.status === 200) {
        pendingKey = null;
        $("texte-idee").value = "";
        countCharacters();
        showConfirmation("confirmation-idee", "Idée envoyée. Merci !");
        if (r.data && r.data.id !== undefined && !ideas[r.data.id]) {
          ideas[r.data.id] = { id: r.data.id, texte: text, colonne: body.colonne, mienne: true, modifiable: true };
        }
        loadIdeas();
      } else if (r.status !== 401) {
        showAlert(errorOfReply(r, "L'idée n'a pas été envoyée."));
      }
    });
  }

  // The lists drawn from the ideas held (in the order they were posted).
  function loadIdeas() {
    var mine = [], others = [];
    Object.keys(ideas).map(Number).sort(function (a, b) { return a - b; }).forEach(function (id) {
      var idea = ideas[id];
      if (idea.mienne) mine.push(idea);
      else others.push(idea);
    });
    lastIdeas = { miennes: mine, autres: others };
    if (!editing) drawIdeas();
  }

  function drawIdeas() {
    var d = lastIdeas || {};
    var mine = Array.isArray(d.miennes) ? d.miennes : [];
    var others = Array.isArray(d.autres) ? d.autres : [];
    var hidden = !!(state && state.tableau && state.tableau.masque);
    var mineList = $("miennes");
    mineList.textContent = "";
    mine.forEach(function (idea) { mineList.appendChild(myIdeaItem(idea)); });
    $("bloc-miennes").hidden = mine.length === 0;
    var othersList = $("autres");
    othersList.textContent = "";
    if (!hidden) others.forEach(function (idea) {
      var column = columnName(idea.colonne);
      othersList.appendChild(el("li", null, [el("p", { class: "idee-texte", text: idea.texte }),
        column ? el("p", { class: "idee-colonne", text: column }) : null]));
    });
    if (!hidden && others.length === 0) othersList.appendChild(el("li", null, [el("p", { class: "aide", text: "Pas encore d'autre idée." })]));
    $("bloc-autres").hidden = false;
    othersList.hidden = hidden;
  }

  function myIdeaItem(idea) {
    var li = el("li");
    if (editing && editing.id === idea.id) {
      var area = el("textarea", { id: "edition-" + idea.id, rows: "4", maxlength: String(MAX_IDEA) });
      area.value = editing.draft;
      area.addEventListener("input", function () { editing.draft = area.value; });
      var save = el("button", { type: "button", class: "principal", text: "Enregistrer" });
      save.addEventListener("click", function () { editIdea(idea.id, area.value); });
      var cancel = el("button", { type: "button", text: "Annuler" });
      cancel.addEventListener("click", function () { editing = null; drawIdeas(); });
      li.appendChild(el("label", { for: "edition-" + idea.id, text: "Modifier mon idée" }));
      li.appendChild(area);
      li.appendChild(el("div", { class: "actions" }, [save, cancel]));
      setTimeout(function () { area.focus(); }, 0);
      return li;
    }
    li.appendChild(el("p", { class: "idee-texte", text: idea.texte }));
    var column = columnName(idea.colonne);
    if (column) li.appendChild(el("p", { class: "idee-colonne", text: column }));
    if (idea.modifiable) {
      var edit = el("button", { type: "button", text: "Modifier", "aria-label": "Modifier : " + idea.texte });
      edit.addEventListener("click", function () { editing = { id: idea.id, draft: idea.texte }; drawIdeas(); });
      var remove = el("button", { type: "button", class: "danger", text: "Supprimer", "aria-label": "Supprimer : " + idea.texte });
      remove.addEventListener("click", function () { deleteIdea(idea); });
      li.appendChild(el("div", { class: "actions" }, [edit, remove]));
    } else {
      li.appendChild(el("p", { class: "aide", text: "Rangée par l'animateur : elle ne se modifie plus." }));
    }
    return li;
  }

  function editIdea(id, text) {
    showAlert("");
    text = text.trim();
    if (!text) { showAlert("Une idée ne peut pas être vide : utilisez «\u00a0Supprimer\u00a0»."); return; }
    if (charCount(text) > MAX_IDEA) { showAlert("Une idée tient en " + MAX_IDEA + " caractères au plus."); return; }
    call("PUT", "/api/idees/" + encodeURIComponent(id), { texte: text }).then(function (r) {
      if (r.status === 200 || r.status === 204) {
        editing = null;
        if (ideas[id]) ideas[id].texte = text;
        showConfirmation("confirmation-idee", "Idée modifiée.");
        loadIdeas();
      } else if (r.status !== 401) {
        showAlert(errorOfReply(r, "L'idée n'a pas été modifiée."));
        if (r.status === 404 || r.status === 409) { editing = null; loadIdeas(); }
      }
    });
  }

  function deleteIdea(idea) {
    showAlert("");
    if (!window.confirm("Supprimer cette idée ?\n\n" + idea.texte)) return;
    call("DELETE", "/api/idees/" + encodeURIComponent(idea.id)).then(function (r) {
      if (r.status === 200 || r.status === 204) {
        delete ideas[idea.id];
        showConfirmation("confirmation-idee", "Idée supprimée.");
        loadIdeas();
      } else if (r.status !== 401) {
        showAlert(errorOfReply(r, "L'idée n'a pas été supprimée."));
        loadIdeas();
      }
    });
  }

  // [SECTION] Ballots

  var voteDrawn = null;   // key of the ballot on screen (vote id, method, proposals)
  var choice = null;       // what the ballot holds, by method

  function ballotKey(method) {
    return { dot: "dots", approval: "approve", majority: "grades", borda: "ranking", schulze: "ranking" }[method];
  }

  function drawVote(vote) {
    var proposals = Array.isArray(vote.propositions) ? vote.propositions : [];
    var grades = Array.isArray(vote.mentions) ? vote.mentions : [];
    var key = [vote.id, vote.methode, vote.points_par_votant, proposals.join("\u0001"), grades.join("\u0001")].join("|");
    $("titre-vote").textContent = vote.question || "Vote";
    drawPerson(vote);
    $("bouton-vote").textContent = vote.a_vote ? "Modifier mon vote" : "Envoyer mon vote";
    if (key === voteDrawn) return;  // keep what the participant is choosing
    voteDrawn = key;
    showConfirmation("confirmation-vote", vote.a_vote ? "Vote enregistré. Vous pouvez le modifier tant que le vote est ouvert." : "");
    var hint = METHOD_HINTS[vote.methode];
    $("consigne-vote").textContent = hint || "Ce type de vote ne se fait pas encore depuis un téléphone.";
    $("bouton-vote").hidden = !hint;
    var ballot = vote.mon_bulletin && typeof vote.mon_bulletin === "object" ? vote.mon_bulletin : null;
    var previous = ballot && ballotKey(vote.methode) in ballot ? ballot[ballotKey(vote.methode)] : ballot;
    var area = $("bulletin");
    area.textContent = "";
    if (vote.methode === "majority") gradesBallot(area, proposals, grades, previous);
    else if (vote.methode === "approval") approvalBallot(area, proposals, previous);
    else if (vote.methode === "dot") dotsBallot(area, proposals, vote.points_par_votant || 0, previous);
    else if (vote.methode === "borda" || vote.methode === "schulze") rankingBallot(area, proposals, previous);
    else choice = null;
  }

  // « Un bulletin par personne présente »: the phone votes in the name of one person checked in, chosen once.
  function drawPerson(vote) {
    var people = vote.par_personne && Array.isArray(vote.personnes) ? vote.personnes : [];
    var mine = vote.par_personne ? vote.ma_personne : null;
    var chosen = people.filter(function (p) { return p.id === mine; })[0];
    $("champ-personne").hidden = !vote.par_personne || !!chosen;
    $("ma-personne").hidden = !chosen;
    $("ma-personne").textContent = chosen ? "Vous votez au nom de " + chosen.nom + "." : "";
    if (!vote.par_personne || chosen) return;
    var select = $("personne");
    var before = select.value;
    var key = people.map(function (p) { return p.id + "=" + p.nom; }).join("|");
    if (select.getAttribute("data-cle") === key) return;
    select.setAttribute("data-cle", key);
    fillChoices(select, people.map(function (p) { return p.nom; }), "— Choisir mon nom —");
    Array.prototype.forEach.call(select.options, function (option, i) {
      if (i > 0) option.value = String(people[i - 1].id);
    });
    select.value = before;
  }

  function gradesBallot(area, proposals, grades, previous) {
    choice = { methode: "majority", grades: {} };
    var order = grades.slice().reverse();  // the best first, as on paper
    proposals.forEach(function (p, i) {
      var options = el("div", { class: "options colonne" });
      order.forEach(function (m, j) {
        var radio = el("input", { type: "radio", name: "mention-" + i, value: m, id: "mention-" + i + "-" + j });
        if (previous && previous[p] === m) { radio.checked = true; choice.grades[p] = m; }
        radio.addEventListener("change", function () { choice.grades[p] = m; });
        options.appendChild(el("label", { class: "option", for: radio.id }, [radio, el("span", { text: m })]));
      });
      area.appendChild(el("fieldset", { class: "proposition", id: "proposition-" + i }, [el("legend", { text: p }), options]));
    });
  }

  function approvalBallot(area, proposals, previous) {
    choice = { methode: "approval", approved: {} };
    var options = el("div", { class: "options colonne" });
    proposals.forEach(function (p, i) {
      var box = el("input", { type: "checkbox", value: p, id: "approuve-" + i });
      if (Array.isArray(previous) && previous.indexOf(p) >= 0) { box.checked = true; choice.approved[p] = true; }
      box.addEventListener("change", function () { choice.approved[p] = box.checked; });
      options.appendChild(el("label", { class: "option", for: box.id }, [box, el("span", { text: p })]));
    });
    area.appendChild(el("fieldset", null, [el("legend", { text: "Propositions" }), options]));
  }

  function dotsBallot(area, proposals, budget, previous) {
    choice = { methode: "dot", points: {}, budget: budget };
    proposals.forEach(function (p) {
      var n = previous && typeof previous[p] === "number" ? previous[p] : 0;
      choice.points[p] = n;
    });
    var left = el("p", { class: "budget", "aria-live": "polite" });
    area.appendChild(left);
    var rows = [];
    function total() { return proposals.reduce(function (s, p) { return s + choice.points[p]; }, 0); }
    function update() {
      var r = budget - total();
      left.textContent = r === 1 ? "Il vous reste 1 point" : "Il vous reste " + r + " points";
      rows.forEach(function (row) {
        row.output.textContent = String(choice.points[row.p]);
        row.minus.disabled = choice.points[row.p] <= 0;
        row.plus.disabled = r <= 0;
      });
    }
    proposals.forEach(function (p, i) {
      var output = el("output", { id: "points-" + i, "aria-live": "polite" });
      var minus = el("button", { type: "button", text: "−", "aria-label": "Retirer un point à « " + p + " »" });
      var plus = el("button", { type: "button", text: "+", "aria-label": "Ajouter un point à « " + p + " »" });
      minus.addEventListener("click", function () { if (choice.points[p] > 0) { choice.points[p] -= 1; update(); } });
      plus.addEventListener("click", function () { if (total() < budget) { choice.points[p] += 1; update(); } });
      rows.push({ p: p, output: output, minus: minus, plus: plus });
      area.appendChild(el("div", { class: "proposition", role: "group", "aria-labelledby": "nom-points-" + i }, [
        el("p", { class: "nom", id: "nom-points-" + i, text: p }),
        el("div", { class: "points" }, [minus, output, plus])]));
    });
    update();
  }

  function rankingBallot(area, proposals, previous) {
    var order = proposals.slice();
    if (Array.isArray(previous) && previous.length) {
      var known = previous.filter(function (p) { return proposals.indexOf(p) >= 0; });
      order = known.concat(proposals.filter(function (p) { return known.indexOf(p) < 0; }));
    }
    choice = { methode: "classement", order: order };
    var list = el("ol", { class: "classement", "aria-label": "Votre classement" });
    area.appendChild(list);
    function draw(moved, direction) {
      list.textContent = "";
      order.forEach(function (p, i) {
        var up = el("button", { type: "button", text: "Monter", "aria-label": "Monter « " + p + " »" });
        var down = el("button", { type: "button", text: "Descendre", "aria-label": "Descendre « " + p + " »" });
        up.disabled = i === 0;
        down.disabled = i === order.length - 1;
        up.addEventListener("click", function () { move(i, -1); });
        down.addEventListener("click", function () { move(i, 1); });
        var li = el("li", { class: p === moved ? "bouge" : "" }, [
          el("span", { class: "rang", "aria-hidden": "true", text: String(i + 1) }),
          el("span", { class: "nom", text: p }),
          el("div", { class: "actions" }, [up, down])]);
        list.appendChild(li);
        if (p === moved) {
          var target = direction < 0 ? (up.disabled ? down : up) : (down.disabled ? up : down);
          setTimeout(function () { target.focus(); }, 0);
        }
      });
    }
    function move(i, direction) {
      var j = i + direction;
      if (j < 0 || j >= order.length) return;
      var p = order[i];
      order[i] = order[j];
      order[j] = p;
      draw(p, direction);
    }
    draw(null, 0);
  }

  function sendBallot(event) {
    event.preventDefault();
    showAlert(""); showConfirmation("confirmation-vote", "");
    if (!state || !state.vote || !choice) return;
    var body = { vote: state.vote.id };
    if (state.vote.par_personne && !$("champ-personne").hidden) {
      if (!$("personne").value) {
        showAlert("Choisissez votre nom dans la liste : un bulletin par personne présente.");
        $("personne").focus();
        return;
      }
      body.personne = Number($("personne").value);
    }
    if (choice.methode === "majority") {
      var proposals = state.vote.propositions || [];
      for (var i = 0; i < proposals.length; i++) {
        if (!choice.grades[proposals[i]]) {
          showAlert("Choisissez une mention pour «\u00a0" + proposals[i] + "\u00a0».");  // no break inside « »
          var first = document.querySelector("#proposition-" + i + " input");
          if (first) first.focus();
          return;
        }
      }
      body.grades = choice.grades;
    } else if (choice.methode === "approval") {
      body.approve = Object.keys(choice.approved).filter(function (p) { return choice.approved[p]; });
    } else if (choice.methode === "dot") {
      body.dots = {};
      Object.keys(choice.points).forEach(function (p) { if (choice.points[p] > 0) body.dots[p] = choice.points[p]; });
    } else {
      body.ranking = choice.order.slice();
    }
    var button = $("bouton-vote");
    button.disabled = true;
    call("POST", "/api/bulletin", body).then(function (r) {
      button.disabled = false;
      if (r.status === 200 || r.status === 201) {
        button.textContent = "Modifier mon vote";
        showConfirmation("confirmation-vote", "Vote enregistré. Vous pouvez le modifier tant que le vote est ouvert.");
      } else if (r.status !== 401) {
        showAlert(errorOfReply(r, "Le vote n'a pas été enregistré."));
      }
    });
  }

  // [SECTION] Evaluation of the day

  var evaluationDrawn = null;  // key of the questionnaire on screen
  var sheet = null;            // question id → {mention} | {texte} | {pratiques: [id]}: what the participant chose
  var SENT_SHEET = "Merci ! Vos réponses sont enregistrées. Vous pouvez les corriger tant que le questionnaire reste ouvert.";

  function drawEvaluation(evaluation) {
    var questions = Array.isArray(evaluation.questions) ? evaluation.questions : [];
    var grades = Array.isArray(evaluation.mentions) ? evaluation.mentions : [];
    var practices = Array.isArray(evaluation.pratiques) ? evaluation.pratiques : [];
    var key = JSON.stringify([questions, grades, practices]);
    $("bouton-evaluation").textContent = evaluation.a_repondu ? "Corriger mes réponses" : "Envoyer mes réponses";
    if (key === evaluationDrawn) return;  // keep what the participant is answering
    evaluationDrawn = key;
    showConfirmation("confirmation-evaluation", evaluation.a_repondu ? SENT_SHEET : "");
    var sent = {};
    (Array.isArray(evaluation.mes_reponses) ? evaluation.mes_reponses : []).forEach(function (a) {
      if (a && a.question !== undefined) sent[a.question] = a;
    });
    var kept = sheet || {};  // the questionnaire changed while answering: what was chosen stays
    sheet = {};
    var area = $("questionnaire");
    area.textContent = "";
    questions.forEach(function (q) {
      var before = kept[q.id] || sent[q.id] || {};
      if (before.mention !== undefined || before.texte !== undefined || before.pratiques !== undefined) sheet[q.id] = before;
      if (q.type === "note") area.appendChild(gradeQuestion(q, grades, before));
      else if (q.type === "pratiques") area.appendChild(practicesQuestion(q, practices, before));
      else area.appendChild(textQuestion(q, before));
    });
  }

  function gradeQuestion(q, grades, before) {
    var options = el("div", { class: "options colonne" });
    grades.slice().reverse().forEach(function (m, j) {  // the best first, as on paper
      var radio = el("input", { type: "radio", name: "note-" + q.id, value: m, id: "note-" + q.id + "-" + j });
      radio.checked = before.mention === m;
      radio.addEventListener("change", function () { sheet[q.id] = { mention: m }; });
      options.appendChild(el("label", { class: "option", for: radio.id }, [radio, el("span", { text: m })]));
    });
    return el("fieldset", { class: "proposition", id: "question-" + q.id }, [el("legend", { text: q.texte }), options]);
  }

  function practicesQuestion(q, practices, before) {
    var chosen = Array.isArray(before.pratiques) ? before.pratiques.slice() : [];
    var options = el("div", { class: "options colonne" });
    practices.forEach(function (p, j) {
      var box = el("input", { type: "checkbox", value: String(p.id), id: "pratique-" + q.id + "-" + j });
      box.checked = chosen.indexOf(p.id) >= 0;
      box.addEventListener("change", function () {
        chosen = chosen.filter(function (id) { return id !== p.id; });
        if (box.checked) chosen.push(p.id);
        if (chosen.length) sheet[q.id] = { pratiques: chosen.slice() };
        else delete sheet[q.id];
      });
      var label = p.cite ? p.titre + " — " + p.cite : p.titre;
      options.appendChild(el("label", { class: "option", for: box.id }, [box, el("span", { text: label })]));
    });
    if (!practices.length) options.appendChild(el("p", { class: "aide", text: "Aucune pratique présentée aujourd'hui." }));
    return el("fieldset", { class: "proposition", id: "question-" + q.id }, [el("legend", { text: q.texte }), options]);
  }

  function textQuestion(q, before) {
    var id = "reponse-" + q.id;
    var field = q.type === "themes"
      ? el("input", { type: "text", id: id, maxlength: String(MAX_IDEA) })
      : el("textarea", { id: id, rows: "3", maxlength: String(MAX_IDEA) });
    field.value = typeof before.texte === "string" ? before.texte : "";
    field.addEventListener("input", function () {
      if (field.value.trim()) sheet[q.id] = { texte: field.value };
      else delete sheet[q.id];
    });
    return el("div", { class: "champ proposition", id: "question-" + q.id }, [
      el("label", { for: id, class: "nom", text: q.texte }), field]);
  }

  function sendEvaluation(event) {
    event.preventDefault();
    showAlert(""); showConfirmation("confirmation-evaluation", "");
    if (!state || !state.evaluation || !sheet) return;
    var answers = [];
    (state.evaluation.questions || []).forEach(function (q) {
      var a = sheet[q.id];
      if (!a) return;
      var answer = { question: q.id };
      if (a.mention !== undefined) answer.mention = a.mention;
      else if (a.pratiques !== undefined) answer.pratiques = a.pratiques;
      else answer.texte = String(a.texte).trim();
      if (answer.texte !== undefined && charCount(answer.texte) > MAX_IDEA) {
        answer.texte = Array.from(answer.texte).slice(0, MAX_IDEA).join("");
      }
      answers.push(answer);
    });
    if (!answers.length) { showAlert("Répondez à au moins une question avant d'envoyer."); return; }
    var button = $("bouton-evaluation");
    button.disabled = true;
    call("POST", "/api/evaluation", { reponses: answers }).then(function (r) {
      button.disabled = false;
      if (r.status === 200 || r.status === 201) {
        button.textContent = "Corriger mes réponses";
        showConfirmation("confirmation-evaluation", SENT_SHEET);
      } else if (r.status !== 401) {
        showAlert(errorOfReply(r, "Vos réponses n'ont pas été envoyées."));
      }
    });
  }

  // [SECTION] Start

  function setUp() {
    $("form-rejoindre").addEventListener("submit", join);
    $("code").addEventListener("input", function () {
      var clean = typedCode();
      if ($("code").value !== clean) $("code").value = clean;
      lookUpRoom();
    });
    $("form-idee").addEventListener("submit", sendIdea);
    $("texte-idee").addEventListener("input", countCharacters);
    $("form-vote").addEventListener("submit", sendBallot);
    $("form-evaluation").addEventListener("submit", sendEvaluation);
    $("onglet-idees").addEventListener("click", function () { chooseTab("idees"); });
    $("onglet-vote").addEventListener("click", function () { chooseTab("vote"); });
    countCharacters();
    var code = new URLSearchParams(window.location.search).get("code");
    if (code) $("code").value = code.replace(/\D/g, "").slice(0, 6);
    if (token) start();
    else showJoinScreen("");
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
  else setUp();
})();
