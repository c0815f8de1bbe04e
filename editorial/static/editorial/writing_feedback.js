/*
 * Live writing feedback while staff edit or preview a page.
 *
 * editorial.cms_toolbars.WritingChecksToolbar adds this file (staff only, edit and
 * preview views only; public pages never load it) with the URL of the page version's
 * writing checks in `data-writing-checks-url`. On load and after every change django
 * CMS makes to the page's content, it fetches the checks and
 *   - sets the toolbar menu's label ("Reading grade 5.2 · 1 wording warning"),
 *   - marks each flagged phrase in the page's <main>:
 *     <mark class="writing-flag" title="Say: …">addicts</mark>.
 *
 * When is the content changed?
 *   - django CMS dispatches `cms-content-refresh` on window (StructureBoard.
 *     _triggerRefreshEvents, cms/static/cms/js/modules/cms.structureboard.js) once it
 *     has put new content into the page after a plugin was added, changed in its
 *     dialog, deleted, moved or pasted (StructureBoard.invalidateState).
 *   - A text saved inline fires no event: djangocms-text drops the new content from
 *     django CMS's data bridge before handing it over (CMSEditor.processDataBridge),
 *     so nothing is refreshed. Its saves all go through window.CMS_Editor.saveData(el),
 *     which returns the request's promise; watchInlineSaves() refreshes when one ends.
 *
 * Text being edited inline belongs to djangocms-text's editor (TipTap/ProseMirror):
 * a <mark> put into its DOM becomes part of the text and would be saved with it. There
 * the marks are ProseMirror decorations instead, added through djangocms-text's
 * documented extension registry (window.CMS_Editor.tiptap): they show as the same
 * <mark>, but are never part of the saved text.
 */
(function () {
    'use strict';

    if (window.writingFeedback) {
        return; // django CMS may put the page's scripts back after a refresh: run once
    }
    var script = document.currentScript;
    var checksUrl = script && script.getAttribute('data-writing-checks-url');
    if (!checksUrl) {
        return;
    }

    var FLAG_CLASS = 'writing-flag';
    // The toolbar menu's label starts with this (editorial.review.writing_checks_label).
    var LABEL_PREFIX = 'Reading grade';
    // Never marked: the toolbar and structure board (outside <main> anyway), cited
    // sources (not checked), scripts and styles, and text owned by an inline editor
    // (decorated there instead).
    var NOT_MARKED = [
        'script', 'style', 'template', 'textarea', 'noscript', 'mark.' + FLAG_CLASS,
        'section.references', '#cms-top', '.cms-structure',
        '.cms-editor-inline-wrapper', '.ProseMirror', '[contenteditable]'
    ].join(', ');
    var EDITOR_REFRESH = 'writingFlagsRefresh';

    var flagPatterns = []; // [{pattern, title}]
    var allowedPatterns = [];
    var editorViews = new Set();
    var requestNumber = 0;
    var updates = 0;

    function phrasePattern(phrase) {
        // Whole words, any case, any run of spaces between them.
        var words = phrase.trim().split(/\s+/).map(function (word) {
            return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        });
        return new RegExp('(?<![\\p{L}\\p{N}_])' + words.join('\\s+') + '(?![\\p{L}\\p{N}_])', 'giu');
    }

    function matches(pattern, text) {
        var found = [];
        var match;
        pattern.lastIndex = 0;
        while ((match = pattern.exec(text)) !== null) {
            found.push({start: match.index, end: match.index + match[0].length});
        }
        return found;
    }

    // The flagged phrases in `text`, in order, without overlaps, leaving out those
    // inside an allowed name ("National Institute on Drug Abuse").
    function flagsIn(text) {
        if (!flagPatterns.length || !text.trim()) {
            return [];
        }
        var allowed = [];
        allowedPatterns.forEach(function (pattern) {
            allowed = allowed.concat(matches(pattern, text));
        });
        var flags = [];
        flagPatterns.forEach(function (flag) {
            matches(flag.pattern, text).forEach(function (range) {
                var inAllowed = allowed.some(function (name) {
                    return name.start <= range.start && range.end <= name.end;
                });
                if (!inAllowed) {
                    flags.push({start: range.start, end: range.end, title: flag.title});
                }
            });
        });
        flags.sort(function (a, b) {
            return a.start - b.start || b.end - a.end;
        });
        var kept = [];
        flags.forEach(function (flag) {
            if (!kept.length || flag.start >= kept[kept.length - 1].end) {
                kept.push(flag);
            }
        });
        return kept;
    }

    // --- Marks in the page's own HTML ---------------------------------------------------

    function removeMarks(root) {
        root.querySelectorAll('mark.' + FLAG_CLASS).forEach(function (mark) {
            if (mark.parentElement.closest('.cms-editor-inline-wrapper, .ProseMirror, [contenteditable]')) {
                return; // an editor's decoration: ProseMirror removes it
            }
            var parent = mark.parentNode;
            while (mark.firstChild) {
                parent.insertBefore(mark.firstChild, mark);
            }
            parent.removeChild(mark);
            parent.normalize();
        });
    }

    function addMarks(root) {
        var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
            acceptNode: function (node) {
                return node.parentElement.closest(NOT_MARKED) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
            }
        });
        var textNodes = [];
        while (walker.nextNode()) {
            textNodes.push(walker.currentNode);
        }
        textNodes.forEach(function (node) {
            var flags = flagsIn(node.data);
            for (var i = flags.length - 1; i >= 0; i--) { // from the end: earlier offsets stay valid
                var word = node.splitText(flags[i].start);
                word.splitText(flags[i].end - flags[i].start);
                var mark = document.createElement('mark');
                mark.className = FLAG_CLASS;
                mark.title = flags[i].title;
                word.parentNode.replaceChild(mark, word);
                mark.appendChild(word);
            }
        });
    }

    // --- Decorations in djangocms-text's inline editors -----------------------------------

    function decorations(doc, Decoration, DecorationSet) {
        var found = [];
        doc.descendants(function (node, pos) {
            if (!node.isTextblock) {
                return true;
            }
            // The block's text, one placeholder character per position of an inline
            // node (a line break, an image), so text offsets are document offsets.
            var text = '';
            node.forEach(function (child) {
                text += child.isText ? child.text : '\uFFFC'.repeat(child.nodeSize);
            });
            flagsIn(text).forEach(function (flag) {
                found.push(Decoration.inline(pos + 1 + flag.start, pos + 1 + flag.end, {
                    nodeName: 'mark',
                    class: FLAG_CLASS,
                    title: flag.title
                }));
            });
            return false;
        });
        return DecorationSet.create(doc, found);
    }

    function writingFlagsExtension(api) {
        var Plugin = api.pm.Plugin;
        var PluginKey = api.pm.PluginKey;
        var Decoration = api.pm.Decoration;
        var DecorationSet = api.pm.DecorationSet;
        var key = new PluginKey('writingFlags');
        return api.Extension.create({
            name: 'writingFlags',
            addProseMirrorPlugins: function () {
                return [new Plugin({
                    key: key,
                    state: {
                        init: function (config, state) {
                            return decorations(state.doc, Decoration, DecorationSet);
                        },
                        apply: function (tr, old, oldState, newState) {
                            if (tr.docChanged || tr.getMeta(EDITOR_REFRESH)) {
                                return decorations(newState.doc, Decoration, DecorationSet);
                            }
                            return old;
                        }
                    },
                    props: {
                        decorations: function (state) {
                            return key.getState(state);
                        }
                    },
                    view: function (view) {
                        editorViews.add(view);
                        return {
                            destroy: function () {
                                editorViews.delete(view);
                            }
                        };
                    }
                })];
            }
        });
    }

    var registered = false;

    function registerEditorExtension() {
        var registry = window.CMS_Editor && window.CMS_Editor.tiptap;
        if (registered || !registry) {
            return; // not in edit mode, or inline editing is off
        }
        registered = true;
        registry.register('writing-flags', writingFlagsExtension, {apiVersion: 1});
    }

    function redecorateEditors() {
        editorViews.forEach(function (view) {
            if (view.isDestroyed) {
                editorViews.delete(view);
                return;
            }
            // Not a change of the text: no undo step, and no "unsaved changes".
            view.dispatch(view.state.tr.setMeta(EDITOR_REFRESH, true)
                .setMeta('addToHistory', false).setMeta('preventUpdate', true));
        });
    }

    // Refresh after each inline save (see the comment at the top). Without this hook
    // (djangocms-text renamed saveData), only the structure board's changes refresh.
    function watchInlineSaves() {
        var editor = window.CMS_Editor;
        if (!editor || typeof editor.saveData !== 'function' || editor.saveData.watchedByWritingFeedback) {
            return;
        }
        var save = editor.saveData;
        var watched = function (el) {
            var changed = !!(el && el.dataset && el.dataset.changed === 'true'); // else nothing is sent
            var request = save.apply(this, arguments);
            if (changed) {
                Promise.resolve(request).then(refreshSoon, refreshSoon);
            }
            return request;
        };
        watched.watchedByWritingFeedback = true;
        editor.saveData = watched;
    }

    // --- The toolbar menu's label ---------------------------------------------------------

    function setLabel(label) {
        var spans = document.querySelectorAll('.cms-toolbar .cms-toolbar-item-navigation > li > a > span');
        for (var i = 0; i < spans.length; i++) {
            var text = spans[i].firstChild;
            if (text && text.nodeType === Node.TEXT_NODE && text.data.trim().indexOf(LABEL_PREFIX) === 0) {
                text.data = label;
                return;
            }
        }
    }

    // --- Fetch and show -------------------------------------------------------------------

    function show(checks) {
        var seen = {};
        flagPatterns = [];
        checks.warnings.forEach(function (warning) {
            var phrase = warning.phrase.toLowerCase();
            if (!seen[phrase]) {
                seen[phrase] = true;
                flagPatterns.push({pattern: phrasePattern(warning.phrase), title: 'Say: ' + warning.suggestion});
            }
        });
        allowedPatterns = (checks.allowed_phrases || []).map(phrasePattern);
        setLabel(checks.label);
        var main = document.querySelector('main');
        if (main) {
            removeMarks(main);
            addMarks(main);
        }
        redecorateEditors();
        updates += 1;
        window.writingFeedback.checks = checks;
        window.writingFeedback.updates = updates;
        window.dispatchEvent(new CustomEvent('writing-feedback-updated', {detail: checks}));
    }

    function refresh() {
        var number = ++requestNumber;
        return fetch(checksUrl, {credentials: 'same-origin', cache: 'no-store', headers: {Accept: 'application/json'}})
            .then(function (response) {
                if (!response.ok) {
                    throw new Error('HTTP ' + response.status);
                }
                return response.json();
            })
            .then(function (checks) {
                if (number === requestNumber) { // an older answer never overwrites a newer one
                    show(checks);
                }
            })
            .catch(function (error) {
                window.console.warn('Writing checks could not be refreshed:', error);
            });
    }

    var pending = null;

    function refreshSoon() { // django CMS may refresh several times for one change
        window.clearTimeout(pending);
        pending = window.setTimeout(refresh, 100);
    }

    window.writingFeedback = {refresh: refresh, checks: null, updates: 0};

    registerEditorExtension();
    watchInlineSaves();
    window.addEventListener('cms-content-refresh', refreshSoon);

    function start() {
        // After every DOMContentLoaded handler: djangocms-text has wrapped the texts it
        // edits inline by then, so none of their HTML is marked.
        registerEditorExtension();
        watchInlineSaves();
        window.setTimeout(refresh, 0);
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', start, {once: true});
    } else {
        start();
    }
}());
