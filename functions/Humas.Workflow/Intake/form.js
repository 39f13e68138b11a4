// The submission form's script: checks that mirror the server's (which always checks again), and large
// files sent straight to Blob Storage in blocks, with progress, resuming after a dropped connection.
// Without this script the form still posts as plain multipart.
(function () {
  'use strict';
  var form = document.getElementById('submission-form');
  if (!form || !window.fetch || !window.FormData || !window.XMLHttpRequest) return;
  var text = JSON.parse(document.getElementById('form-text').textContent);
  var d = form.dataset;
  var allowed = d.allowed.split(',');
  var english = document.documentElement.lang === 'en';
  var rows = Array.prototype.slice.call(form.querySelectorAll('.media-row'));
  var box = document.getElementById('upload-progress');
  var bar = document.getElementById('upload-bar');
  var status = document.getElementById('upload-status');
  var button = document.getElementById('submit');
  form.noValidate = true; // the messages below replace the browser's own bubbles, in the page's language

  function fmt(s, a, b) { return s.replace('{0}', a).replace('{1}', b === undefined ? '' : b); }
  // Server messages read "Indonesian / English"; the English page shows the English half.
  function localize(m) {
    var i = m.indexOf(' / ');
    if (!english || i < 0) return m;
    var en = m.slice(i + 3);
    return en.charAt(0).toUpperCase() + en.slice(1);
  }
  // The files chosen, row by row, with what is said about each; small ones ride in the post, large ones are uploaded.
  function plan() {
    var chosen = rows.map(function (r, i) {
      var value = function (n) { return r.querySelector('[name=' + n + ']').value.trim(); };
      return { row: i, file: r.querySelector('input[name=media]').files[0], alt: value('alt'), caption: value('caption'), minors: value('minors'),
        transcript: value('transcript'), captions: r.querySelector('input[name=captions]').files[0] };
    }).filter(function (x) { return x.file; });
    return {
      all: chosen,
      small: chosen.filter(function (x) { return x.file.size < +d.directFrom; }),
      big: chosen.filter(function (x) { return x.file.size >= +d.directFrom; })
    };
  }
  var sent = plan();
  // A per-file message names the file by its place in the post (media[0].alt) or among the uploads (mediaDetails[0].alt).
  function fieldOf(name) {
    var m = /^(media|mediaDetails)\[(\d+)\]\.(\w+)$/.exec(name);
    if (m) {
      var entry = (m[1] === 'media' ? sent.small : sent.big)[+m[2]];
      return entry ? 'media-' + entry.row + '-' + m[3] : 'media';
    }
    return ({ uploads: 'media', fileName: 'media', contentType: 'media', size: 'media', publishAtWib: 'publishAt' })[name] || name;
  }

  function showErrors(errors) {
    form.querySelectorAll('.error').forEach(function (p) { p.hidden = true; p.textContent = ''; });
    form.querySelectorAll('[aria-invalid]').forEach(function (el) { el.removeAttribute('aria-invalid'); });
    var old = document.getElementById('error-summary');
    if (old) old.remove();
    var names = Object.keys(errors);
    if (names.length === 0) return;
    var summary = document.createElement('div');
    summary.id = 'error-summary'; summary.className = 'error-summary'; summary.tabIndex = -1;
    summary.setAttribute('role', 'alert');
    var h = document.createElement('h2'); h.textContent = text.summary; summary.appendChild(h);
    var ul = document.createElement('ul'); summary.appendChild(ul);
    names.forEach(function (name) {
      var field = fieldOf(name);
      var messages = [].concat(errors[name]).map(localize);
      var p = document.getElementById(field + '-error') || document.getElementById('title-error');
      p.textContent = (p.textContent ? p.textContent + ' ' : '') + messages.join(' ');
      p.hidden = false;
      var input = document.getElementById(field);
      if (input) input.setAttribute('aria-invalid', 'true');
      if (input && input.closest('details')) input.closest('details').open = true;
      var li = document.createElement('li'); var a = document.createElement('a');
      a.href = '#' + (input ? field : 'title'); a.textContent = messages.join(' ');
      li.appendChild(a); ul.appendChild(li);
    });
    form.querySelector('h1').nextElementSibling.after(summary);
    summary.focus();
  }

  function check() {
    var e = {};
    var title = form.title.value.trim();
    if (!title) e.title = [text.required];
    else if (title.length > +d.titleMax) e.title = [text.titleTooLong];
    var email = form.submitterEmail.value.trim();
    if (!email) e.submitterEmail = [text.required];
    else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) e.submitterEmail = [text.email];
    var when = document.getElementById('publishAt').value;
    if (when && !(Date.parse(when + ':00+07:00') > Date.now())) e.publishAt = [text.future];
    sent = plan();
    var bad = [], alts = {};
    if (sent.all.length > +d.maxFiles) bad.push(text.tooMany);
    sent.all.forEach(function (x) {
      var f = x.file, dot = f.name.lastIndexOf('.'), ext = dot < 0 ? '' : f.name.slice(dot).toLowerCase();
      var limit = f.size >= +d.directFrom ? +d.maxUpload : +d.maxFile;
      if (allowed.indexOf(ext) < 0) bad.push(fmt(text.fileType, f.name));
      else if (f.size === 0) bad.push(fmt(text.fileEmpty, f.name));
      else if (f.size > limit) bad.push(fmt(text.fileLarge, f.name));
      var image = /^\.(jpe?g|png|gif|webp|heic)$/.test(ext), video = /^\.(mp4|mov|m4v|webm)$/.test(ext);
      var at = 'media-' + x.row + '-';
      var key = x.alt.toLowerCase().replace(/\s+/g, ' ');
      if (image && !x.alt) e[at + 'alt'] = [text.altRequired];
      else if (x.alt && (x.alt.toLowerCase() === f.name.toLowerCase() || /^\S+\.[a-z0-9]{3,4}$/i.test(x.alt))) e[at + 'alt'] = [text.altFileName];
      else if (image && alts[key]) e[at + 'alt'] = [text.altSame];
      if (image && x.alt) alts[key] = true;
      if ((image || video) && !x.minors) e[at + 'minors'] = [text.minorsRequired];
    });
    if (bad.length) e.media = bad;
    return e;
  }

  // The upload link cannot read, so which blocks are stored is remembered here, per file.
  function keyOf(f) { return 'humas-upload:' + f.name + ':' + f.size + ':' + f.lastModified; }
  function load(k) { try { return JSON.parse(localStorage.getItem(k)); } catch (x) { return null; } }
  function save(k, v) { try { localStorage.setItem(k, JSON.stringify(v)); } catch (x) { /* private mode: no resume across reloads */ } }
  function blockId(i) { return btoa('block-' + String(i).padStart(6, '0')); }
  function wait(ms) { return new Promise(function (r) { setTimeout(r, ms); }); }
  function fresh(state) { return state && Date.parse(state.expiresAt) - Date.now() > 60000; }

  async function newLink(file, state) {
    var body = { fileName: file.name, contentType: file.type || 'application/octet-stream', size: file.size };
    if (state && state.uploadId) body.uploadId = state.uploadId;
    var r = await fetch(d.uploads, { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify(body) });
    var json = await r.json().catch(function () { return {}; });
    if (!r.ok && body.uploadId && (r.status === 404 || r.status === 409)) return newLink(file, null);
    if (!r.ok) throw { problem: json };
    var same = state && state.uploadId === json.uploadId;
    return { uploadId: json.uploadId, url: json.uploadUrl, expiresAt: json.expiresAt, blockSize: json.blockSize,
      done: same ? state.done : [], committed: same ? state.committed : false };
  }

  function put(url, body, headers, onProgress) {
    return new Promise(function (resolve, reject) {
      var x = new XMLHttpRequest();
      x.open('PUT', url);
      Object.keys(headers).forEach(function (h) { x.setRequestHeader(h, headers[h]); });
      if (onProgress) x.upload.onprogress = function (ev) { onProgress(ev.loaded); };
      x.onload = function () { if (x.status >= 200 && x.status < 300) resolve(); else reject({ status: x.status }); };
      x.onerror = x.ontimeout = function () { reject({ network: true }); };
      x.send(body);
    });
  }

  // A dropped connection or an expired link is retried with a pause; after a few tries the user sends again
  // and the blocks already stored are not sent twice.
  async function persist(file, key, holder, action) {
    for (var attempt = 0; ; attempt++) {
      try {
        if (!fresh(holder.state)) { holder.state = await newLink(file, holder.state); save(key, holder.state); }
        return await action(holder.state);
      } catch (e) {
        if (e.problem || attempt >= 6) throw e;
        if (e.status === 403) holder.state.expiresAt = new Date(0).toISOString();
        status.textContent = text.retrying;
        await wait(Math.min(30000, 1000 * Math.pow(2, attempt)));
      }
    }
  }

  async function upload(file, report) {
    var key = keyOf(file);
    var holder = { state: load(key) };
    if (holder.state && holder.state.committed) { report(file.size); return holder.state.uploadId; }
    if (holder.state) status.textContent = fmt(text.resuming, file.name);
    if (!fresh(holder.state)) { holder.state = await newLink(file, holder.state); save(key, holder.state); }
    var size = holder.state.blockSize, count = Math.max(1, Math.ceil(file.size / size));
    var uploadId = holder.state.uploadId;
    for (let i = 0; i < count; i++) {
      let start = i * size;
      if (holder.state.done.indexOf(i) >= 0) { report(Math.min(file.size, start + size)); continue; }
      await persist(file, key, holder, function (s) {
        return put(s.url + '&comp=block&blockid=' + encodeURIComponent(blockId(i)), file.slice(start, start + size), {},
          function (loaded) { report(start + loaded); });
      });
      // The old upload was swept away while we were offline: a new one was opened, so send every block to it.
      if (holder.state.uploadId !== uploadId) { uploadId = holder.state.uploadId; i = -1; continue; }
      holder.state.done.push(i);
      save(key, holder.state);
    }
    var xml = '<?xml version="1.0" encoding="utf-8"?><BlockList>';
    for (var j = 0; j < count; j++) xml += '<Latest>' + blockId(j) + '</Latest>';
    xml += '</BlockList>';
    await persist(file, key, holder, function (s) {
      return put(s.url + '&comp=blocklist', xml, { 'Content-Type': 'application/xml', 'x-ms-blob-content-type': file.type || 'application/octet-stream' });
    });
    holder.state.committed = true;
    save(key, holder.state);
    return holder.state.uploadId;
  }

  form.addEventListener('submit', async function (ev) {
    ev.preventDefault();
    var errors = check();
    if (Object.keys(errors).length) { showErrors(errors); return; }
    showErrors({});
    button.disabled = true;
    sent = plan();
    var big = sent.big.map(function (x) { return x.file; });
    var data = new FormData(form);
    ['media', 'alt', 'caption', 'minors', 'transcript', 'captions'].forEach(function (n) { data.delete(n); });
    // The contract's order: each file, then its alt, caption, minors, transcript and caption file (an empty part without).
    sent.small.forEach(function (x) {
      data.append('media', x.file, x.file.name);
      data.append('alt', x.alt); data.append('caption', x.caption); data.append('minors', x.minors);
      data.append('transcript', x.transcript);
      if (x.captions) data.append('captions', x.captions, x.captions.name); else data.append('captions', new Blob([]), '');
    });
    var details = [];
    try {
      if (big.length) {
        box.hidden = false;
        var total = big.reduce(function (s, f) { return s + f.size; }, 0), before = 0;
        for (var k = 0; k < big.length; k++) {
          var f = big[k];
          var id = await upload(f, function (sent) {
            var pct = Math.floor((before + sent) * 100 / total);
            if (pct > bar.value) bar.value = pct;
            status.textContent = fmt(text.uploading, f.name, pct);
          });
          before += f.size;
          data.append('uploads', id);
          var x = sent.big[k];
          details.push({ uploadId: id, alt: x.alt, caption: x.caption, minors: x.minors, transcript: x.transcript,
            captions: x.captions ? await x.captions.text() : undefined });
        }
        bar.value = 100;
        status.textContent = text.uploaded;
        data.append('mediaDetails', JSON.stringify(details));
      }
      var r = await fetch(form.action, { method: 'POST', body: data, headers: { Accept: 'application/json' } });
      var json = await r.json().catch(function () { return null; });
      if (r.status === 202 && json) {
        big.forEach(function (f) { localStorage.removeItem(keyOf(f)); });
        location.assign(json.trackingUrl);
        return;
      }
      // An upload another submission already took must be sent again as a new one.
      if (r.status === 409) big.forEach(function (f) { localStorage.removeItem(keyOf(f)); });
      if (json && json.errors) showErrors(json.errors); else status.textContent = text.failed;
    } catch (e) {
      if (e.problem && e.problem.errors) showErrors(e.problem.errors);
      else { box.hidden = false; status.textContent = text.failed; }
    } finally {
      button.disabled = false;
    }
  });
})();
