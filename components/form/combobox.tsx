"use client";
// Searchable select (ARIA 1.2 combobox with a listbox): type to filter, arrow keys to move, Enter to pick,
// Escape to close. Submits the chosen option's value in a hidden input named `name`.
import { useId, useMemo, useState, type KeyboardEvent } from "react";
import { FieldErrors } from "./field";
import { inputClass } from "./styles";

export type ComboOption = { value: string; label: string; hint?: string };

const fold = (s: string) => s.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();

export function Combobox({ name, label, options, defaultValue, errors, required, placeholder, emptyText, hint }: {
  name: string; label: string; options: ComboOption[]; defaultValue?: string | null; errors?: string[]; required?: boolean; placeholder?: string; emptyText: string; hint?: string;
}) {
  const id = useId();
  const listId = `${id}-list`;
  const initial = options.find((o) => o.value === defaultValue) ?? null;
  const [selected, setSelected] = useState<ComboOption | null>(initial);
  const [query, setQuery] = useState(initial?.label ?? "");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const matches = useMemo(() => {
    const q = fold(query.trim());
    const list = q && q !== fold(selected?.label ?? "\u0000") ? options.filter((o) => fold(`${o.label} ${o.hint ?? ""} ${o.value}`).includes(q)) : options;
    return list.slice(0, 50);
  }, [options, query, selected]);

  const pick = (o: ComboOption) => {
    setSelected(o);
    setQuery(o.label);
    setOpen(false);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown") { e.preventDefault(); setOpen(true); setActive((a) => Math.min(a + 1, matches.length - 1)); }
    else if (e.key === "ArrowUp") { e.preventDefault(); setActive((a) => Math.max(a - 1, 0)); }
    else if (e.key === "Enter" && open) { e.preventDefault(); const o = matches[active]; if (o) pick(o); }
    else if (e.key === "Escape") { setOpen(false); }
  };

  return (
    <div className="relative">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
        {required ? <span aria-hidden="true" className="text-red-700 dark:text-red-400"> *</span> : null}
      </label>
      {hint ? <p id={`${id}-hint`} className="mt-0.5 text-xs text-zinc-600 dark:text-zinc-400">{hint}</p> : null}
      <input
        id={id}
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && matches[active] ? `${id}-opt-${active}` : undefined}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={[hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined}
        autoComplete="off"
        placeholder={placeholder}
        value={query}
        onChange={(e) => { setQuery(e.target.value); setOpen(true); setActive(0); if (e.target.value === "") setSelected(null); }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
        className={inputClass}
      />
      <input type="hidden" name={name} value={selected?.value ?? ""} />
      {open ? (
        <ul id={listId} role="listbox" className="absolute z-20 mt-1 max-h-64 w-full overflow-auto rounded-md border border-zinc-200 bg-white py-1 text-sm shadow-lg dark:border-zinc-700 dark:bg-zinc-900">
          {matches.length === 0 ? <li className="px-3 py-2 text-zinc-500">{emptyText}</li> : null}
          {matches.map((o, i) => (
            <li key={o.value} id={`${id}-opt-${i}`} role="option" aria-selected={selected?.value === o.value}
              onMouseDown={(e) => { e.preventDefault(); pick(o); }}
              className={`cursor-pointer px-3 py-1.5 ${i === active ? "bg-blue-50 dark:bg-blue-950" : ""}`}>
              <span>{o.label}</span>
              {o.hint ? <span className="ml-2 text-xs text-zinc-500">{o.hint}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
      <FieldErrors id={`${id}-error`} keys={errors} />
    </div>
  );
}
