/* The door of a job fair (templates/fairs/door.html, fairs/views_door.py): check workers in by camera, by a typed
 * CCCD or phone number, and register walk-ins, with or without network.
 *
 * Every action goes first into a queue kept in localStorage (per fair) under a random client key, then to the staff
 * API. When the network is down the queue grows and the page goes on; the `online` event and a retry every 15
 * seconds send it. A resend never counts anybody twice: the server answers a known client key with the first record,
 * and a check-in of somebody already in returns that first check-in. Only what was sent successfully leaves the
 * queue; the results list keeps names and times, not the details typed.
 */
(function () {
  "use strict";

  var configNode = document.getElementById("door-config");
  if (!configNode) return;
  var config = JSON.parse(configNode.textContent);
  var T = config.texts;
  var QUEUE = "vieclam.door." + config.fair + ".queue";
  var RESULTS = "vieclam.door." + config.fair + ".results";
  var RETRY_MS = 15000;
  var SEND_TIMEOUT_MS = 20000;
  var KEEP_RESULTS = 40;
  var TOKEN = /^[A-Za-z0-9_-]{16,64}$/;

  function $(id) {
    return document.getElementById(id);
  }

  function format(text, values) {
    return text.replace(/\{(\w+)\}/g, function (match, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? values[name] : match;
    });
  }

  function load(key) {
    try {
      return JSON.parse(window.localStorage.getItem(key) || "[]");
    } catch (error) {
      return [];
    }
  }

  function store(key, rows) {
    window.localStorage.setItem(key, JSON.stringify(rows));
  }

  function randomKey() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }

  function clock(date) {
    return ("0" + date.getHours()).slice(-2) + ":" + ("0" + date.getMinutes()).slice(-2);
  }

  function csrfToken() {
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    if (match) return decodeURIComponent(match[1]);
    var field = document.querySelector("input[name=csrfmiddlewaretoken]");
    return field ? field.value : "";
  }

  /* Results: the newest first, each {key, state: pending|ok|info|error, label, text, at}. */
  function setResult(key, changes) {
    var rows = load(RESULTS);
    var row = rows.find(function (r) { return r.key === key; });
    if (!row) {
      row = { key: key, at: clock(new Date()) };
      rows.unshift(row);
    }
    Object.assign(row, changes);
    store(RESULTS, rows.slice(0, KEEP_RESULTS));
    render();
  }

  var BADGES = { pending: "text-bg-warning", ok: "text-bg-success", info: "text-bg-info", error: "text-bg-danger" };

  function render() {
    var pending = load(QUEUE).length;
    $("door-pending").textContent = String(pending);
    var list = $("door-results");
    list.textContent = "";
    load(RESULTS).forEach(function (row) {
      var item = document.createElement("li");
      item.className = "border-bottom py-2 small door-result door-" + row.state;
      item.dataset.state = row.state;
      var badge = document.createElement("span");
      badge.className = "badge me-2 " + (BADGES[row.state] || "text-bg-secondary");
      badge.textContent = row.at;
      var text = document.createElement("span");
      text.textContent = row.text || row.label;
      item.appendChild(badge);
      item.appendChild(text);
      list.appendChild(item);
    });
  }

  function setNetwork(up) {
    var badge = $("door-network");
    badge.textContent = up ? T.online : T.offline;
    badge.className = "badge " + (up ? "text-bg-success" : "text-bg-secondary");
  }

  /* The queue */
  function enqueue(kind, body, label, name) {
    var key = randomKey();
    body.fair = config.fair;
    body.client_key = key;
    var queue = load(QUEUE);
    queue.push({ key: key, kind: kind, body: body, name: name || "" });
    store(QUEUE, queue);
    setResult(key, { state: "pending", label: label, text: format(T.queued, { what: label }) });
    flush();
  }

  function replace(item) {
    store(QUEUE, load(QUEUE).map(function (other) { return other.key === item.key ? item : other; }));
  }

  function drop(key) {
    store(QUEUE, load(QUEUE).filter(function (other) { return other.key !== key; }));
  }

  function messagesOf(data) {
    if (!data || typeof data !== "object") return "";
    var out = [];
    Object.keys(data).forEach(function (field) {
      var value = data[field];
      (Array.isArray(value) ? value : [value]).forEach(function (message) {
        if (typeof message === "string") out.push(message);
      });
    });
    return out.join(" ");
  }

  function succeeded(item, data) {
    var name = data.person_name || item.name || "";
    var time = (data.checked_in_at || "").substr(11, 5);
    var text;
    var state = "ok";
    if (item.kind === "walk_in") {
      text = format(T.registered, { name: name, time: time });
    } else if (data.already_checked_in) {
      text = format(T.already, { name: name, time: time });
      state = "info";
    } else {
      text = format(T.checkedIn, { name: name, time: time });
    }
    setResult(item.key, { state: state, text: text });
  }

  /* Send one item: "done" (it leaves the queue: sent, or refused for good) or "keep" (try again later). */
  function send(item) {
    var url = item.kind === "walk_in" ? config.registerUrl : config.checkInUrl;
    // A request that hangs on a bad network is given up after a while (and tried again), not waited for forever.
    var controller = window.AbortController ? new window.AbortController() : null;
    var timer = controller ? window.setTimeout(function () { controller.abort(); }, SEND_TIMEOUT_MS) : null;
    return fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", Accept: "application/json", "X-CSRFToken": csrfToken() },
      body: JSON.stringify(item.body),
      signal: controller ? controller.signal : undefined,
    }).then(function (response) {
      window.clearTimeout(timer);
      setNetwork(true);
      return response.json().catch(function () { return null; }).then(function (data) {
        if (response.ok && data) {
          succeeded(item, data);
          return "done";
        }
        if (response.status === 400 && data) {
          if (item.kind === "walk_in" && data.person && item.body.national_id) {
            // Registered already (online, or by another phone): check the person in by the CCCD instead.
            item = { key: item.key, kind: "check_in", name: item.name,
                     body: { fair: config.fair, national_id: item.body.national_id, client_key: item.key } };
            replace(item);
            return send(item);
          }
          setResult(item.key, { state: "error", text: messagesOf(data) });
          return "done";
        }
        if (response.status === 404 && data) {
          setResult(item.key, { state: "error", text: messagesOf(data) });
          return "done";
        }
        if (response.status >= 500) {
          setResult(item.key, { state: "pending", text: T.serverError });
          return "keep";
        }
        // 401/403 or a login page instead of JSON: the session ended; keep everything until one signs in again.
        setResult(item.key, { state: "pending", text: T.signIn });
        return "keep";
      });
    }, function () {
      window.clearTimeout(timer);
      setNetwork(false);
      return "keep";
    });
  }

  var sending = false;

  function flush() {
    if (sending) return Promise.resolve();
    sending = true;
    function next() {
      var queue = load(QUEUE);
      if (!queue.length) return Promise.resolve();
      var item = queue[0];
      return send(item).then(function (outcome) {
        if (outcome === "keep") return undefined;
        drop(item.key);
        return next();
      });
    }
    return next().then(function () {
      sending = false;
      render();
    }, function () {
      sending = false;
      render();
    });
  }

  /* What was read or typed */
  function tokenOf(text) {
    text = (text || "").trim();
    if (TOKEN.test(text)) return text;
    try {
      var url = new URL(text);
      var candidates = [];
      url.searchParams.forEach(function (value) { candidates.push(value); });
      candidates = candidates.concat(url.pathname.split("/").reverse());
      return candidates.find(function (part) { return TOKEN.test(part); }) || "";
    } catch (error) {
      return "";
    }
  }

  function checkInCode(raw) {
    var code = (raw || "").replace(/\s+/g, "");
    if (!code) return T.nothing;
    if (/^\d+$/.test(code)) {
      if (code.length === 12) {
        enqueue("check_in", { national_id: code }, "CCCD ••••••••" + code.slice(-4));
        return "";
      }
      if (code.length === 10 && code.charAt(0) === "0") {
        enqueue("check_in", { phone: code }, code);
        return "";
      }
      return T.badNumber;
    }
    var token = tokenOf(raw);
    if (!token) return T.tokenUnknown;
    enqueue("check_in", { token: token }, T.scanOf);
    return "";
  }

  var codeForm = $("door-code-form");
  codeForm.addEventListener("submit", function (event) {
    event.preventDefault();
    var box = $("door-code");
    var problem = checkInCode(box.value);
    $("door-code-error").textContent = problem;
    if (!problem) box.value = "";
    box.focus();
  });

  /* Camera */
  var stream = null;
  var scanning = false;
  var lastToken = "";
  var lastAt = 0;
  var video = $("door-video");
  var canvas = $("door-canvas");
  var context = canvas.getContext("2d", { willReadFrequently: true });

  function cameraError(text) {
    var box = $("door-camera-error");
    box.textContent = text;
    box.hidden = !text;
  }

  function scanned(text) {
    var token = tokenOf(text);
    var now = Date.now();
    var same = (token || text) === lastToken && now - lastAt < 4000;
    lastToken = token || text;
    lastAt = now;
    if (same) return;
    if (!token) {
      setResult(randomKey(), { state: "error", label: T.scanOf, text: T.tokenUnknown });
      return;
    }
    if (navigator.vibrate) navigator.vibrate(80);
    enqueue("check_in", { token: token }, T.scanOf);
  }

  function tick() {
    if (!scanning) return;
    if (video.readyState >= 2 && video.videoWidth) {
      var scale = Math.min(1, 640 / video.videoWidth);
      var width = Math.round(video.videoWidth * scale);
      var height = Math.round(video.videoHeight * scale);
      canvas.width = width;
      canvas.height = height;
      context.drawImage(video, 0, 0, width, height);
      var code = window.jsQR(context.getImageData(0, 0, width, height).data, width, height, {
        inversionAttempts: "dontInvert",
      });
      if (code && code.data) scanned(code.data);
    }
    window.setTimeout(tick, 200);
  }

  function stopCamera() {
    scanning = false;
    if (stream) stream.getTracks().forEach(function (track) { track.stop(); });
    stream = null;
    $("door-camera-box").hidden = true;
    $("door-camera").hidden = false;
  }

  $("door-camera").addEventListener("click", function () {
    cameraError("");
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia || !window.jsQR) {
      cameraError(T.noCamera);
      return;
    }
    navigator.mediaDevices.getUserMedia({ video: { facingMode: { ideal: "environment" } }, audio: false })
      .then(function (media) {
        stream = media;
        video.srcObject = media;
        $("door-camera-box").hidden = false;
        $("door-camera").hidden = true;
        $("door-camera-note").textContent = T.cameraOn;
        return video.play();
      })
      .then(function () {
        scanning = true;
        tick();
      })
      .catch(function (error) {
        stopCamera();
        cameraError(format(T.cameraError, { error: (error && (error.message || error.name)) || "?" }));
      });
  });
  $("door-camera-stop").addEventListener("click", stopCamera);

  /* Walk-ins */
  var walkIn = $("door-walk-in");

  function isoDate(text) {
    var match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec((text || "").trim());
    if (!match) return "";
    var day = Number(match[1]);
    var month = Number(match[2]);
    var year = Number(match[3]);
    var date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return "";
    return year + "-" + ("0" + month).slice(-2) + "-" + ("0" + day).slice(-2);
  }

  function lookUp(number) {
    var body = new URLSearchParams({ national_id: number });
    fetch(config.lookupUrl, {
      method: "POST",
      credentials: "same-origin",
      headers: { "X-CSRFToken": csrfToken(), Accept: "application/json" },
      body: body,
    }).then(function (response) {
      return response.ok ? response.json() : null;
    }).then(function (data) {
      var person = (data && data.person) || {};
      if ($("door-national-id").value.replace(/\s+/g, "") !== number) return;
      var fields = { full_name: "door-full-name", date_of_birth: "door-birth-date", sex: "door-sex",
                     phone: "door-phone", residence_commune: "door-commune" };
      var filled = false;
      Object.keys(fields).forEach(function (name) {
        if (person[name]) {
          $(fields[name]).value = person[name];
          filled = true;
        }
      });
      $("door-lookup-note").textContent = filled ? T.filled : "";
    }).catch(function () { /* offline: the officer types the details */ });
  }

  if (walkIn) {
    $("door-national-id").addEventListener("input", function (event) {
      var number = event.target.value.replace(/\s+/g, "");
      $("door-lookup-note").textContent = "";
      if (/^\d{12}$/.test(number)) lookUp(number);
    });
    $("door-birth-date").addEventListener("input", function (event) {
      var digits = event.target.value.replace(/\D/g, "");
      if (/^\d{8}$/.test(event.target.value)) {
        event.target.value = digits.slice(0, 2) + "/" + digits.slice(2, 4) + "/" + digits.slice(4);
      }
    });
    walkIn.addEventListener("submit", function (event) {
      event.preventDefault();
      var nationalId = $("door-national-id").value.replace(/\s+/g, "");
      var name = $("door-full-name").value.trim().replace(/\s+/g, " ");
      var birth = isoDate($("door-birth-date").value);
      var sex = $("door-sex").value;
      var phone = $("door-phone").value.replace(/\s+/g, "");
      var commune = $("door-commune").value;
      var problems = [];
      if (nationalId && !/^\d{12}$/.test(nationalId)) problems.push(T.badNationalId);
      if (!name) problems.push(T.nameRequired);
      if (!birth) problems.push(T.badDate);
      if (!sex) problems.push(T.sexRequired);
      if (phone && !/^0\d{9}$/.test(phone)) problems.push(T.badPhone);
      if (!commune) problems.push(T.communeRequired);
      $("door-walk-in-error").textContent = problems.join(" ");
      if (problems.length) return;
      var body = { full_name: name, date_of_birth: birth, sex: sex, residence_commune: commune,
                   channel: "walk_in", check_in: true };
      if (nationalId) body.national_id = nationalId;
      if (phone) body.phone = phone;
      enqueue("walk_in", body, format(T.walkInOf, { name: name }), name);
      walkIn.reset();
      $("door-lookup-note").textContent = "";
      $("door-national-id").focus();
    });
  }

  $("door-send").addEventListener("click", function () { flush(); });
  window.addEventListener("online", function () {
    setNetwork(true);
    flush();
  });
  window.addEventListener("offline", function () { setNetwork(false); });
  window.setInterval(flush, RETRY_MS);
  setNetwork(navigator.onLine !== false);
  render();
  flush();

  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register(config.workerUrl, { scope: config.scope }).catch(function () {
      /* without it the page still works; only a reload offline will not open */
    });
  }
})();
