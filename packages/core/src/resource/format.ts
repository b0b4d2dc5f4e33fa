/**
 * A resource's file format, as an author writes it ("PDF", "pptx", "application/pdf"), read two ways: the
 * short label a card shows, and the media type JSON-LD's `encodingFormat` prefers.
 */

/** Short names and their IANA media types, for the formats mentoring pages link to. */
const MEDIA_TYPES: ReadonlyArray<readonly [label: string, mediaType: string]> = [
  ['PDF', 'application/pdf'],
  ['DOCX', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  ['DOC', 'application/msword'],
  ['PPTX', 'application/vnd.openxmlformats-officedocument.presentationml.presentation'],
  ['PPT', 'application/vnd.ms-powerpoint'],
  ['XLSX', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  ['XLS', 'application/vnd.ms-excel'],
  ['ODT', 'application/vnd.oasis.opendocument.text'],
  ['ODP', 'application/vnd.oasis.opendocument.presentation'],
  ['EPUB', 'application/epub+zip'],
  ['HTML', 'text/html'],
  ['TXT', 'text/plain'],
  ['CSV', 'text/csv'],
  ['MP4', 'video/mp4'],
  ['MP3', 'audio/mpeg'],
  ['PNG', 'image/png'],
  ['JPEG', 'image/jpeg'],
];

const BY_LABEL = new Map(MEDIA_TYPES.map(([label, type]) => [label, type]));
const BY_TYPE = new Map(MEDIA_TYPES.map(([label, type]) => [type, label]));
const MEDIA_TYPE = /^[a-z]+\/[a-z0-9][a-z0-9.+-]*$/i;

export interface ResourceFormat {
  /** What a card shows: "PDF", "PPTX"; an unknown media type or name as written. */
  label: string;
  /** The IANA media type, when the format is one or names a known one. */
  mediaType?: string;
}

/** `"pdf"` → `{ label: "PDF", mediaType: "application/pdf" }`; `"application/pdf"` → the same. */
export function resourceFormat(written: string): ResourceFormat {
  const value = written.trim();
  if (MEDIA_TYPE.test(value)) {
    const type = value.toLowerCase();
    const label = BY_TYPE.get(type);
    return { label: label ?? value, mediaType: type };
  }
  // "pdf", ".pdf" and "PDF" are one format; a longer name ("Google Doc") stays as written.
  const short = value.replace(/^\./, '').toUpperCase();
  const alias = short === 'JPG' ? 'JPEG' : short === 'HTM' ? 'HTML' : short;
  const mediaType = BY_LABEL.get(alias);
  if (mediaType !== undefined) return { label: alias, mediaType };
  return { label: /^\.?[a-z0-9]{2,5}$/i.test(value) ? short : value };
}
