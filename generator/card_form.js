/* card_form.js - the script of a panel packet's page (card_form.h): the
 * scorecards filled in on screen. As ratings are ticked it works out, for
 * the cards on the page (one per round), what `kitgen score` works out
 * from their card files (panel.c, decision.c): each round's points, the
 * weighted total, each gate of the decision rule and the decision. "Save"
 * downloads a round's card as a card file (cardfile.h). Its data and every
 * word it shows are in the page's #kg-card-data (card_form.c). It loads
 * nothing and sends nothing; the page's policy allows it by its hash. */
(function () {
  'use strict';
  var source = document.getElementById('kg-card-data');
  if (!source) return;
  var data = JSON.parse(source.textContent);
  var W = data.words;
  var PASS = 0, FAIL = 1, BORDERLINE = 2, UNKNOWN = 3;
  var HIRE = 0, NO_HIRE = 1, INCOMPLETE = 3;
  var bands = {};
  data.bands.forEach(function (b) { bands[b.id] = b; });

  function fill(text, vars) {
    return text.replace(/\{(\w+)\}/g, function (all, k) {
      return k in vars ? String(vars[k]) : all;
    });
  }
  /* printf's "%.2f": the nearest, a tie (x * 8 odd) to the even one */
  function fixed2(x) {
    var n;
    if (Number.isInteger(x * 8) && Math.abs(x * 8) % 2 === 1) {
      n = Math.floor(x * 100);
      return ((n % 2 ? n + 1 : n) / 100).toFixed(2);
    }
    return x.toFixed(2);
  }
  /* a number as the page shows it: fixed2 with the kit's decimal
   * separator (labels.h, kg_label_number); data-total keeps the '.' */
  function shown(x) { return fixed2(x).replace('.', W.decimal); }
  /* decision.c's S_reaches: does x (points) reach h (hundredths)? */
  function reaches(x, h) { return x * 100 + 1e-6 >= h; }
  /* cardfile.c's kg_card_dim_id: a name as a file name's part */
  function slug(s) {
    return s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  }
  function oneLine(s) {
    return s.replace(/[\s\u0000-\u001f\u007f-\u009f]+/g, ' ').trim();
  }
  function evidenceText(s) {
    return s.replace(/\r\n?/g, '\n')
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '').trim();
  }
  /* a YAML double-quoted scalar: nothing in s can end or bend it */
  function quote(s) {
    var out = '"';
    for (var ch of s) {
      var c = ch.codePointAt(0);
      if (ch === '"' || ch === '\\') out += '\\' + ch;
      else if (ch === '\n') out += '\\n';
      else if (ch === '\t') out += '\\t';
      else if (c < 0x20 || (c >= 0x7f && c <= 0x9f))
        out += '\\x' + (c < 16 ? '0' : '') + c.toString(16).toUpperCase();
      else if (c === 0x2028) out += '\\L';
      else if (c === 0x2029) out += '\\P';
      else if (c === 0xfeff || c === 0xfffe || c === 0xffff)
        out += '\\u' + c.toString(16).toUpperCase();
      else if (c >= 0xd800 && c <= 0xdfff) out += '\ufffd';
      else out += ch;
    }
    return out + '"';
  }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  /* ---- the cards on the page ---------------------------------------- */

  function forms(round) {
    return Array.prototype.slice.call(
      document.querySelectorAll('form.card[data-round="' + round + '"]'));
  }
  function find(round, selector) {
    var all = [];
    forms(round).forEach(function (f) {
      all = all.concat(Array.prototype.slice.call(f.querySelectorAll(selector)));
    });
    return all;
  }
  function field(round, name) {
    var v = '';
    find(round, '[data-field="' + name + '"]').forEach(function (i) {
      if (!v) v = oneLine(i.value);
    });
    return v;
  }
  function checked(row) {
    var r = row && row.querySelector('input[type="radio"]:checked');
    return r ? r.value : null;
  }
  function overall(round) { return checked(find(round, 'tr[data-overall]')[0]); }
  function dimRow(round, id) {
    return find(round, 'tr[data-dim]').filter(function (tr) {
      return tr.getAttribute('data-dim') === id;
    })[0];
  }

  /* ---- the rule, as panel.c and decision.c apply it -------------------- */

  function decide() {
    var rule = data.rule, total = 0, weak = 0, unrated = 0, must = PASS;
    var rounds = data.rounds.map(function (r) {
      var band = bands[overall(r.round)];
      var score = band ? band.points : 0;
      if (!band) unrated++;
      else {
        total += r.weight * score / 100.0;
        if (rule && !reaches(score, rule.weakBelow)) {
          weak++;
          if (r.mustHave) must = FAIL;
        }
      }
      return { r: r, band: band, rating: overall(r.round), score: score };
    });
    var out = { rounds: rounds, total: total, weak: weak, unrated: unrated };
    if (!rule) return out;
    out.must = must;
    out.weakGate = weak > rule.weakLimit ? FAIL : PASS;
    out.threshold = unrated ? UNKNOWN : reaches(total, rule.threshold) ? PASS
      : reaches(total, rule.borderline) ? BORDERLINE : FAIL;
    if (must === FAIL || out.weakGate === FAIL || out.threshold === FAIL)
      out.verdict = NO_HIRE;
    else if (unrated) out.verdict = INCOMPLETE;
    else out.verdict = out.threshold === BORDERLINE ? BORDERLINE : HIRE;
    return out;
  }

  /* ---- the live results --------------------------------------------- */

  var live = {};

  function row(tbody, cells, key) {
    var tr = el('tr');
    cells.forEach(function (text, i) {
      var c = el(i ? 'td' : 'th', '', text);
      if (!i) c.setAttribute('scope', 'row');
      tr.appendChild(c);
    });
    if (key) tr.setAttribute('data-kg', key);
    tbody.appendChild(tr);
    return tr;
  }
  function table(head) {
    var box = el('div', 'table'), t = el('table'), thead = el('thead');
    var tr = el('tr'), tbody = el('tbody');
    head.forEach(function (h) {
      var th = el('th', '', h);
      th.setAttribute('scope', 'col');
      tr.appendChild(th);
    });
    thead.appendChild(tr);
    t.appendChild(thead);
    t.appendChild(tbody);
    box.appendChild(t);
    return { box: box, tbody: tbody };
  }
  function buildLive() {
    var panel = el('div', 'card-live'), t;
    panel.id = 'kg-live';
    panel.appendChild(el('p', 'card-live-title', W.live));
    t = table([W.round, W.ratingHead, W.points, W.weight, W.product]);
    live.rounds = data.rounds.map(function (r) {
      return row(t.tbody, [fill(W.field, { label: r.round, value: r.area }) +
        (r.mustHave ? W.mustHave : ''),
        '', '', String(r.weight), ''], 'round-' + r.round);
    });
    panel.appendChild(t.box);
    if (data.rule) {
      t = table([W.gate, W.rule, W.result]);
      live.gates = data.rule.gates.map(function (g, i) {
        return row(t.tbody, [g.name, g.rule, ''], 'gate-' + i);
      });
      panel.appendChild(t.box);
    }
    live.total = el('p', 'card-live-total');
    live.total.setAttribute('role', 'status');
    panel.appendChild(live.total);
    var at = data.panel && document.getElementById(data.panel);
    var heading = at && at.querySelector('h1, h2, h3, h4, h5, h6');
    if (heading) heading.after(panel);
    else {
      var all = document.querySelectorAll('form.card');
      if (!all.length) return;
      all[all.length - 1].closest('section').after(panel);
    }
  }
  function label(id) {
    if (bands[id]) return bands[id].label;
    return id ? W.notProbed : W.notRated;
  }
  function update() {
    var d = decide(), res = W.gateResults;
    d.rounds.forEach(function (x, i) {
      var cells = live.rounds[i].children;
      cells[1].textContent = label(x.rating);
      cells[2].textContent = x.band ? shown(x.score) : '';
      cells[4].textContent = x.band ? shown(x.score * x.r.weight) : '';
    });
    if (data.rule) {
      live.gates[0].children[2].textContent = res[d.must];
      live.gates[1].children[2].textContent =
        fill(W.weakResult, { count: d.weak, result: res[d.weakGate] });
      live.gates[2].children[2].textContent = d.threshold === UNKNOWN ? res[UNKNOWN]
        : fill(W.totalResult, { total: shown(d.total), result: res[d.threshold] });
    }
    live.total.textContent =
      fill(W.field, { label: W.weightedTotal, value: shown(d.total) }) + W.fullStop +
      (data.rule ? W.sentenceSep +
        fill(W.field, { label: W.verdict, value: W.verdicts[d.verdict] }) + W.fullStop : '');
    live.total.setAttribute('data-total', fixed2(d.total));
    if (data.rule) live.total.setAttribute('data-verdict', W.verdicts[d.verdict]);
    document.querySelectorAll('.card-score').forEach(function (p) {
      var round = Number(p.getAttribute('data-round'));
      var x = d.rounds.filter(function (y) { return y.r.round === round; })[0];
      if (!x) return;
      p.textContent = x.band ? fill(W.cardRound, {
        round: round, rating: x.band.label, points: shown(x.score),
        weight: x.r.weight, product: shown(x.score * x.r.weight),
        total: shown(d.total)
      }) : fill(W.cardUnrated, { round: round });
    });
  }

  /* ---- saving a card file --------------------------------------------- */

  function validDate(s) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
    return !!m && m[2] >= '01' && m[2] <= '12' && m[3] >= '01' && m[3] <= '31';
  }
  function list(items) {
    if (items.length < 2) return items.join('');
    return items.slice(0, -1).join(W.listSep) + W.listAnd + items[items.length - 1];
  }
  function card(r) {
    var who = field(r.round, 'candidate'), by = field(r.round, 'interviewer');
    var date = field(r.round, 'date'), all = overall(r.round), missing = [];
    var y = 'kit: ' + quote(data.kit) + '\nversion: ' + quote(data.version) +
      '\ndigest: ' + quote(data.digest) + '\nedition: ' + quote(data.edition) +
      '\nround: ' + r.round + '\ncandidate: ' + quote(who) +
      '\ninterviewer: ' + quote(by) + '\ndate: ' + quote(date) + '\nratings:\n';
    if (!who) missing.push(W.candidate);
    if (!by) missing.push(W.interviewer);
    if (!validDate(date)) missing.push(W.date);
    r.dims.forEach(function (id) {
      var tr = dimRow(r.round, id), rating = checked(tr);
      var mark = tr && tr.querySelector('input[data-mark="prompted"]');
      var text = tr && tr.querySelector('textarea');
      if (!rating) {
        var name = tr ? tr.querySelector('.dimension').textContent : id;
        missing.push(fill(W.rating, { dimension: name }));
      }
      y += '  ' + id + ':\n    rating: ' + (rating || '') +
        '\n    prompted: ' + (mark && mark.checked ? 'true' : 'false') +
        '\n    evidence: ' + quote(text ? evidenceText(text.value) : '') + '\n';
    });
    if (!all) missing.push(W.overall);
    y += 'overall: ' + (all || '') + '\n';
    return { yaml: y, missing: missing,
      file: (slug(who) || 'candidate') + '-round-' + r.round + '-' +
        (slug(by) || 'interviewer') + '.yaml' };
  }
  function save(r, status) {
    var c = card(r);
    if (c.missing.length) {
      status.textContent = fill(W.missing, { list: list(c.missing) });
      return;
    }
    var url = URL.createObjectURL(new Blob([c.yaml], { type: 'application/yaml' }));
    var a = el('a');
    a.href = url;
    a.download = c.file;
    a.hidden = true;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
    status.textContent = fill(W.saved, { file: c.file });
  }

  /* ---- wiring ------------------------------------------------------------ */

  function start() {
    if (!document.querySelector('form.card')) return;
    data.rounds.forEach(function (r) {
      var fs = forms(r.round);
      if (!fs.length) return;
      var last = fs.filter(function (f) { return f.querySelector('tr[data-overall]'); })[0] ||
        fs[fs.length - 1];
      var bar = el('div', 'card-save'), button = el('button', '', W.save);
      var score = el('p', 'card-score'), status = el('p', 'card-saved');
      button.type = 'button';
      score.setAttribute('data-round', r.round);
      status.setAttribute('role', 'status');
      button.addEventListener('click', function () { save(r, status); });
      bar.appendChild(button);
      bar.appendChild(score);
      bar.appendChild(status);
      last.appendChild(bar);
    });
    document.querySelectorAll('form.card').forEach(function (f) {
      f.addEventListener('submit', function (e) { e.preventDefault(); });
    });
    /* a round of two cards: a field typed on one is typed on both */
    document.addEventListener('input', function (e) {
      var t = e.target, name = t.getAttribute && t.getAttribute('data-field');
      var f = t.closest && t.closest('form.card');
      if (name && f)
        find(f.getAttribute('data-round'), '[data-field="' + name + '"]')
          .forEach(function (i) { if (i !== t) i.value = t.value; });
    });
    document.addEventListener('change', update);
    buildLive();
    update();
  }
  start();
}());
