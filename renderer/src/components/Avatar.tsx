import { initials } from '../format/initials';

/** The actor's picture when main gave a URL, otherwise their initials; decorative (the name is shown as text). */
export function Avatar({ name, url }: { name: string; url?: string | null }) {
  if (url) return <img className="avatar" src={url} alt="" width={32} height={32} />;
  return (
    <span className="avatar avatar-initials" aria-hidden="true">
      {initials(name)}
    </span>
  );
}
