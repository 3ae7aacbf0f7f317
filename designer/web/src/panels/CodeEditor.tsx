import { autocompletion, closeBrackets, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { java } from '@codemirror/lang-java';
import { javascript } from '@codemirror/lang-javascript';
import { bracketMatching, defaultHighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { Compartment, EditorState } from '@codemirror/state';
import { EditorView, keymap, lineNumbers, placeholder as placeholderExt } from '@codemirror/view';
import { useEffect, useRef } from 'react';
import { completeAt, type FieldPath } from '../model/sampleFields';

export type CodeLanguage = 'javascript' | 'csharp' | 'json';

function languageExtension(language: CodeLanguage) {
  // C# has no first-party CodeMirror 6 mode; Java's grammar highlights its C-family syntax well.
  return language === 'csharp' ? java() : language === 'json' ? javascript() : javascript();
}

/**
 * CodeMirror 6 for snippets and expressions, with completion of `input.` and `vars.` fields taken
 * from the sample payload and the workflow variables.
 */
export function CodeEditor({
  id,
  value,
  onChange,
  language,
  fields,
  label,
  minLines = 3,
  placeholder,
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  language: CodeLanguage;
  fields: readonly FieldPath[];
  label: string;
  minLines?: number;
  placeholder?: string;
}) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const onChangeRef = useRef(onChange);
  const fieldsRef = useRef(fields);
  const languageSlot = useRef(new Compartment());
  onChangeRef.current = onChange;
  fieldsRef.current = fields;

  useEffect(() => {
    const complete = (context: CompletionContext): CompletionResult | null => {
      const word = context.matchBefore(/(?:input|vars|Input|Vars)(?:\.[A-Za-z0-9_$]*|\[[^\]]*\])*\.?[A-Za-z0-9_$]*/);
      if (!word) return null;
      const typed = word.text.replace(/^Input/, 'input').replace(/^Vars/, 'vars');
      const options = completeAt(fieldsRef.current, typed);
      if (options.length === 0) return null;
      const dot = word.text.lastIndexOf('.');
      return {
        from: word.from + dot + 1,
        options: options.map((o) => ({ label: o.path.slice(o.path.lastIndexOf('.') + 1), detail: `${o.type} ${o.detail}`, type: 'property' })),
        validFor: /^[A-Za-z0-9_$]*$/,
      };
    };
    const state = EditorState.create({
      doc: value,
      extensions: [
        lineNumbers(),
        history(),
        closeBrackets(),
        bracketMatching(),
        syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
        languageSlot.current.of(languageExtension(language)),
        autocompletion({ override: [complete], activateOnTyping: true }),
        keymap.of([indentWithTab, ...defaultKeymap, ...historyKeymap]),
        placeholder ? placeholderExt(placeholder) : [],
        EditorView.contentAttributes.of({ 'aria-label': label, id }),
        EditorView.theme({ '&': { minHeight: `${minLines * 1.4 + 0.6}em` }, '.cm-scroller': { fontFamily: 'var(--mono)' } }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) onChangeRef.current(update.state.doc.toString());
        }),
      ],
    });
    view.current = new EditorView({ state, parent: host.current! });
    return () => view.current?.destroy();
    // The editor is created once; value and language changes are applied below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const v = view.current;
    if (v && v.state.doc.toString() !== value) v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: value } });
  }, [value]);

  useEffect(() => {
    view.current?.dispatch({ effects: languageSlot.current.reconfigure(languageExtension(language)) });
  }, [language]);

  return <div className="code-editor" ref={host} data-testid={`code-${id}`} />;
}
