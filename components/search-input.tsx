/** The search box of a register list: a plain GET parameter (`?q=`), so a search is a shareable URL. */
export function SearchInput({ name = "q", label, placeholder, defaultValue, maxLength }: {
  name?: string;
  label: string;
  placeholder?: string;
  defaultValue: string;
  maxLength?: number;
}) {
  return (
    <div className="flex min-w-0 flex-1 flex-col gap-1">
      <label htmlFor={`search-${name}`} className="text-sm font-medium">
        {label}
      </label>
      <input
        id={`search-${name}`}
        type="search"
        name={name}
        defaultValue={defaultValue}
        placeholder={placeholder}
        maxLength={maxLength}
        autoComplete="off"
        spellCheck={false}
        className="w-full min-w-0 rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-900"
      />
    </div>
  );
}
