/* Search in the customer bundle, opened from disk with no network.

   The theme's search runs in a Web Worker, and a browser will not start a worker from a file://
   page. Material's offline plugin would load a shim for that from a public CDN (unpkg), which
   the bundle must never call; the build lists this file instead (extra.polyfills, whose name
   tells the plugin the shim is there). It gives the page a Worker that runs the worker's script
   in a hidden frame and passes messages both ways, which is all the search needs. On a served
   site it does nothing. */
(function () {
  "use strict";
  if (location.protocol !== "file:") return;

  function IFrameWorker(url) {
    var worker = this;
    var frame = document.createElement("iframe");
    var queue = [];
    var ready = false;
    worker.onmessage = null;
    worker.onerror = null;
    worker._listeners = { message: [], error: [] };

    /* Inside the frame the worker's script calls the global postMessage to answer; that is
       replaced by one that sends to this page. This page writes to the worker through the same
       property, so what it sends is wrapped (__pbToWorker) and delivered with the frame's own,
       saved postMessage to the worker's "message" listeners. A browser that hands this page
       only the frame's native postMessage delivers the wrapper as an event instead; the first
       listener unwraps it before the worker's listeners see it. */
    var script = new URL(url, location.href).href;
    frame.setAttribute("aria-hidden", "true");
    frame.tabIndex = -1;
    frame.hidden = true;
    frame.srcdoc = "<!doctype html><script>" +
      "var send = window.postMessage.bind(window);" +
      "window.postMessage = function (data) {" +
      "  if (data && data.__pbToWorker) { send(data.data, '*'); return; }" +
      "  parent.postMessage({ __pbWorker: true, data: data }, '*'); };" +
      "window.addEventListener('message', function (event) {" +
      "  if (event.data && event.data.__pbToWorker) { event.stopImmediatePropagation(); send(event.data.data, '*'); }" +
      "});" +
      "window.importScripts = function () {" +
      "  var urls = Array.prototype.slice.call(arguments);" +
      "  return urls.reduce(function (done, src) { return done.then(function () {" +
      "    return new Promise(function (resolve, reject) {" +
      "      var tag = document.createElement('script'); tag.src = src; tag.onload = resolve; tag.onerror = reject;" +
      "      document.head.appendChild(tag); }); }); }, Promise.resolve()); };" +
      "<\/script><script src=\"" + script.replace(/"/g, "&quot;") + "\"><\/script>";
    frame.addEventListener("load", function () {
      ready = true;
      queue.forEach(function (data) { frame.contentWindow.postMessage({ __pbToWorker: true, data: data }, "*"); });
      queue = [];
    });
    window.addEventListener("message", function (event) {
      if (event.source !== frame.contentWindow || !event.data || !event.data.__pbWorker) return;
      var message = new MessageEvent("message", { data: event.data.data });
      if (typeof worker.onmessage === "function") worker.onmessage(message);
      worker._listeners.message.forEach(function (listener) { listener.call(worker, message); });
    });
    document.body.appendChild(frame);
    worker._frame = frame;
    worker._send = function (data) {
      if (ready) frame.contentWindow.postMessage({ __pbToWorker: true, data: data }, "*");
      else queue.push(data);
    };
  }

  IFrameWorker.prototype.postMessage = function (data) { this._send(data); };
  IFrameWorker.prototype.addEventListener = function (type, listener) {
    (this._listeners[type] = this._listeners[type] || []).push(listener);
  };
  IFrameWorker.prototype.removeEventListener = function (type, listener) {
    var list = this._listeners[type] || [];
    var index = list.indexOf(listener);
    if (index >= 0) list.splice(index, 1);
  };
  IFrameWorker.prototype.terminate = function () { this._frame.remove(); };

  window.IFrameWorker = IFrameWorker;
  window.Worker = IFrameWorker;
})();
