// Camera scanning on /verify, for browsers that allow it: the page works without this script (paste the code,
// or upload a photo). Decoding uses the browser's BarcodeDetector where it reads QR codes, otherwise jsQR, which is
// fetched from this site only when the camera is first used. A scanned registry link opens its verdict at once.
(function () {
  "use strict";
  var section = document.getElementById("scan-camera");
  if (!section || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
    return;
  }

  var start = section.querySelector("[data-scan-start]");
  var stop = section.querySelector("[data-scan-stop]");
  var video = section.querySelector("video");
  var status = section.querySelector("[data-scan-status]");
  var form = document.querySelector("form.verify-form");
  var input = form && form.querySelector("#code");
  var stream = null;
  var detector = null;
  var canvas = document.createElement("canvas");
  var context = canvas.getContext("2d", { willReadFrequently: true });
  section.hidden = false;

  function say(text) {
    status.textContent = text;
  }

  function loadJsQr() {
    if (window.jsQR) {
      return Promise.resolve(window.jsQR);
    }
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = section.getAttribute("data-decoder");
      script.onload = function () { resolve(window.jsQR); };
      script.onerror = reject;
      document.head.appendChild(script);
    });
  }

  function decoder() {
    if ("BarcodeDetector" in window) {
      return window.BarcodeDetector.getSupportedFormats().then(function (formats) {
        if (formats.indexOf("qr_code") >= 0) {
          detector = new window.BarcodeDetector({ formats: ["qr_code"] });
          return function () {
            return detector.detect(video).then(function (codes) { return codes.length ? codes[0].rawValue : null; });
          };
        }
        return jsQrDecoder();
      });
    }
    return jsQrDecoder();
  }

  function jsQrDecoder() {
    return loadJsQr().then(function (jsQR) {
      return function () {
        if (!video.videoWidth) {
          return Promise.resolve(null);
        }
        canvas.width = video.videoWidth;
        canvas.height = video.videoHeight;
        context.drawImage(video, 0, 0, canvas.width, canvas.height);
        var image = context.getImageData(0, 0, canvas.width, canvas.height);
        var code = jsQR(image.data, image.width, image.height, { inversionAttempts: "dontInvert" });
        return Promise.resolve(code ? code.data : null);
      };
    });
  }

  // A registry link (its /V/ path, on any host: the verify page judges the host) opens the verdict; any other
  // text goes through the form, which says what it is.
  function open(text) {
    stopCamera();
    var match = /\/V\/([^?#\s]+)/i.exec(text);
    if (match) {
      window.location.assign("/v/" + match[1]);
      return;
    }
    input.value = text;
    form.submit();
  }

  function stopCamera() {
    if (stream) {
      stream.getTracks().forEach(function (track) { track.stop(); });
      stream = null;
    }
    video.hidden = true;
    stop.hidden = true;
    start.hidden = false;
  }

  start.addEventListener("click", function () {
    say(section.getAttribute("data-text-starting"));
    navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false }).then(function (media) {
      stream = media;
      video.srcObject = media;
      video.hidden = false;
      start.hidden = true;
      stop.hidden = false;
      return video.play().then(decoder);
    }).then(function (read) {
      say(section.getAttribute("data-text-scanning"));
      (function next() {
        if (!stream) {
          return;
        }
        read().then(function (text) {
          if (text) {
            open(text);
          } else {
            window.setTimeout(next, 150);
          }
        }, function () { window.setTimeout(next, 300); });
      })();
    }).catch(function () {
      stopCamera();
      say(section.getAttribute("data-text-denied"));
    });
  });
  stop.addEventListener("click", function () {
    stopCamera();
    say("");
  });
})();
