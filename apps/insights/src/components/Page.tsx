import { useEffect, useRef, type ReactNode } from 'react';

let firstPage = true;

/**
 * A page: its `<h1>`, the document title, and focus moved to the heading after an in-app navigation, so screen
 * reader and keyboard users land at the start of the new content (not on the initial load).
 */
export function Page({
  title,
  intro,
  children,
}: {
  title: string;
  intro?: ReactNode;
  children?: ReactNode;
}): ReactNode {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · Insights`;
    if (firstPage) {
      firstPage = false;
      return;
    }
    heading.current?.focus({ preventScroll: false });
  }, [title]);
  return (
    <>
      <header className="page-header">
        <h1 ref={heading} tabIndex={-1}>
          {title}
        </h1>
        {intro}
      </header>
      {children}
    </>
  );
}
