import { Link } from 'react-router-dom';
import { useDocumentTitle } from '../components/document-title';
import { MainContent } from '../components/main-content';
import { useT } from '../i18n/i18n';

interface NotFoundProps {
  title?: string;
  text?: string;
}

/** The 404 content alone, for layouts that already render the page's <main>. */
export function NotFoundContent({ title, text }: NotFoundProps) {
  const t = useT();
  const heading = title ?? t.notFound.title;
  useDocumentTitle(heading);
  return (
    <>
      <h1>{heading}</h1>
      <p className="lead">{text ?? t.notFound.text}</p>
      <p>
        <Link to="/">{t.notFound.home}</Link>
      </p>
    </>
  );
}

export function NotFoundPage(props: NotFoundProps) {
  return (
    <MainContent>
      <NotFoundContent {...props} />
    </MainContent>
  );
}
