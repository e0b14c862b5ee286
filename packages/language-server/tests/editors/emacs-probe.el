;;; emacs-probe.el --- drive the language server from Emacs 28 + eglot 1.9 in batch mode  -*- lexical-binding: t -*-
;; Opens the fixture, waits for flymake to show the pushed diagnostics, asks eglot for the code
;; actions on the first one, and writes what it saw as JSON to $CORS_OUT.
(dolist (dir (file-expand-wildcards "/usr/share/emacs/site-lisp/elpa/*"))
  (add-to-list 'load-path dir))
(require 'eglot)
(require 'json)

(let* ((fixture (getenv "CORS_FIXTURE"))
       (server (getenv "CORS_SERVER"))
       (out (getenv "CORS_OUT")))
  (setq eglot-server-programs `((js-mode . ("node" ,server "--stdio"))))
  (setq eglot-sync-connect t)
  (find-file fixture)
  (js-mode)
  (apply #'eglot (eglot--guess-contact))
  (let ((deadline (+ (float-time) 20)))
    (while (and (null (flymake-diagnostics)) (< (float-time) deadline))
      (accept-process-output nil 0.05)))
  (let* ((diagnostics (flymake-diagnostics))
         (first (car (sort (copy-sequence diagnostics) (lambda (a b) (< (flymake-diagnostic-beg a) (flymake-diagnostic-beg b))))))
         (actions (and first (eglot-code-actions (flymake-diagnostic-beg first) (flymake-diagnostic-end first))))
         ;; Positions belong to the fixture's buffer: read them before switching to the output buffer.
         (first-line (if first (line-number-at-pos (flymake-diagnostic-beg first)) 0))
         (messages (vconcat (mapcar #'flymake-diagnostic-text diagnostics)))
         (titles (vconcat (mapcar (lambda (action) (plist-get action :title)) actions))))
    (with-temp-file out
      (insert (json-encode
               `((count . ,(length diagnostics))
                 (messages . ,messages)
                 (firstLine . ,first-line)
                 (actions . ,titles))))))
  (eglot-shutdown (eglot-current-server)))
(kill-emacs 0)
