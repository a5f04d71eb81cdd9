/**
 * DeckPlan → .pptx bytes. The package's fixed parts (theme, masters, layout) come from pptxgenjs
 * (`skeleton.ts`); the slides, notes and the parts that list them are written here, slide by
 * slide, each handed to the compressor (`deflate.ts`: here, or on a helper thread for a big deck)
 * as the next is written. The same plan gives the same bytes: fixed timestamps and part order.
 */
import type { DeckPlan, FontFaces, SlidePlan } from '../layout/plan.js';
import { PackageCheck } from './check.js';
import { bestCompressor, type Compressor } from './deflate.js';
import { collectMedia, type DeckMedia } from './media.js';
import { skeleton, type Skeleton } from './skeleton.js';
import { templateBase, type TemplateBase } from './template-base.js';
import { writeSlide, type SlideContext } from './slide.js';
import { esc, emu, REL, relsXml, XML_HEAD, type Relationship } from './xml.js';
import { ZipWriter } from './zip.js';

export interface RenderOptions {
  /** Timestamp written into the package (docProps and zip entries). */
  date?: Date;
  /** Compress on a helper thread; default: for decks of THREAD_FROM_SLIDES slides or more.
   * The bytes are the same either way. */
  helperThread?: boolean;
  /** A compressor started earlier (a helper thread takes ~0.05 s to start, which a big deck's
   * layout can hide); renderDeck closes it. */
  compressor?: Compressor;
}

const CT = 'application/vnd.openxmlformats-officedocument';
// A Map: looking a name up as an object's key would make V8 intern each of a big deck's
// thousands of part names first.
const CONTENT_TYPES = new Map<string, string>([
  ['ppt/presentation.xml', `${CT}.presentationml.presentation.main+xml`],
  ['ppt/presProps.xml', `${CT}.presentationml.presProps+xml`],
  ['ppt/viewProps.xml', `${CT}.presentationml.viewProps+xml`],
  ['ppt/tableStyles.xml', `${CT}.presentationml.tableStyles+xml`],
  ['docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml'],
  ['docProps/app.xml', `${CT}.extended-properties+xml`],
]);
/** Numbered parts by folder (`ppt/slides/slide12.xml`): the folder, then the whole name. */
const CONTENT_TYPE_BY_FOLDER: Array<[string, RegExp, string]> = [
  ['ppt/slides/', /^ppt\/slides\/slide\d+\.xml$/, `${CT}.presentationml.slide+xml`],
  ['ppt/notesSlides/', /^ppt\/notesSlides\/notesSlide\d+\.xml$/, `${CT}.presentationml.notesSlide+xml`],
  ['ppt/theme/', /^ppt\/theme\/theme\d+\.xml$/, `${CT}.theme+xml`],
  ['ppt/slideMasters/', /^ppt\/slideMasters\/slideMaster\d+\.xml$/, `${CT}.presentationml.slideMaster+xml`],
  ['ppt/slideLayouts/', /^ppt\/slideLayouts\/slideLayout\d+\.xml$/, `${CT}.presentationml.slideLayout+xml`],
  ['ppt/notesMasters/', /^ppt\/notesMasters\/notesMaster\d+\.xml$/, `${CT}.presentationml.notesMaster+xml`],
];

const contentTypeOf = (name: string, template?: ReadonlyMap<string, string>) => {
  if (name.endsWith('.rels')) return undefined; // relationships: the Default for .rels
  const own = template?.get(name);
  if (own !== undefined) return own;
  const fixed = CONTENT_TYPES.get(name);
  if (fixed !== undefined) return fixed;
  for (const [folder, re, type] of CONTENT_TYPE_BY_FOLDER)
    if (name.startsWith(folder)) return re.test(name) ? type : undefined;
  return undefined;
};

export async function renderDeck(plan: DeckPlan, options: RenderOptions = {}): Promise<Buffer> {
  // A compressor handed in is closed here whatever happens, a picture that cannot be read
  // included: its helper thread would otherwise keep the process (or a watch) holding it.
  const compressor = options.compressor ?? bestCompressor(plan.slides.length, options.helperThread);
  try {
    return await renderWith(plan, options, compressor);
  } finally {
    await compressor.close();
  }
}

async function renderWith(plan: DeckPlan, options: RenderOptions, compressor: Compressor): Promise<Buffer> {
  const date = options.date ?? new Date(Date.UTC(2000, 0, 1));
  const base = plan.template ? templateBase(plan.template) : undefined;
  const fixed: Skeleton = base?.parts ?? skeleton();
  // On a template, the deck's own pictures are named apart from the template's (image1.png…).
  const media = await collectMedia(plan, base ? 'briefdeck-image' : 'image');
  const lang = plan.lang === 'en' ? 'en-US' : 'zh-CN';
  const ctx: SlideContext = {
    lang,
    altLang: lang === 'en-US' ? 'zh-CN' : 'en-US',
    media: media.parts,
    runProps: new Map(),
    ...(base ? { template: { ...base.layouts, notesMaster: base.notesMaster } } : {}),
  };
  const n = plan.slides.length;
  const notes = plan.slides.map((s) => s.notes !== undefined);

  // Every part name, in the order written: [Content_Types].xml first, as Office writes it.
  const names: string[] = [
    '[Content_Types].xml',
    '_rels/.rels',
    'docProps/app.xml',
    'docProps/core.xml',
    'ppt/presentation.xml',
    'ppt/_rels/presentation.xml.rels',
  ];
  const fixedNames = [...fixed.keys()].filter((k) => !names.includes(k)).sort();
  names.push(...fixedNames);
  for (let i = 1; i <= n; i++) {
    names.push(`ppt/slides/slide${i}.xml`, `ppt/slides/_rels/slide${i}.xml.rels`);
    if (notes[i - 1]) names.push(`ppt/notesSlides/notesSlide${i}.xml`, `ppt/notesSlides/_rels/notesSlide${i}.xml.rels`);
  }
  for (const f of media.files) names.push(`ppt/media/${f.name}`);

  return writePackage({ plan, date, names, fixed, fixedNames, media, ctx, base }, compressor);
}

interface PackageInput {
  plan: DeckPlan;
  date: Date;
  /** Every part, in the order written. */
  names: string[];
  fixed: Skeleton;
  /** The skeleton's parts written as they are (the theme with this deck's fonts). */
  fixedNames: string[];
  media: DeckMedia;
  ctx: SlideContext;
  /** The office template's parts and presentation, when the deck is made on one. */
  base?: TemplateBase | undefined;
}

async function writePackage(
  { plan, date, names, fixed, fixedNames, media, ctx, base }: PackageInput,
  compressor: Compressor,
): Promise<Buffer> {
  const n = plan.slides.length;
  // Zip entries hold 1980–2107 only (a meeting in 1978 keeps its date in docProps).
  const zip = new ZipWriter(
    new Date(Math.min(Math.max(date.getTime(), Date.UTC(1980, 0, 1)), Date.UTC(2107, 11, 31))),
    compressor,
  );
  const types = contentTypesXml(names, base?.types);
  const check = new PackageCheck(types, new Set(names));
  const add = (name: string, xml: string | Uint8Array) => {
    check.part(name);
    // A relationships part is a few hundred bytes: compressing it saves little and costs a
    // zlib call each, and a deck has two per slide. Pictures are compressed already.
    return zip.add({ name, data: xml, compress: !/\.(rels|png|jpe?g|gif)$/i.test(name) });
  };

  await add('[Content_Types].xml', types);
  await add('_rels/.rels', fixed.get('_rels/.rels') ?? packageRelsXml());
  await add('docProps/app.xml', appXml(plan));
  await add('docProps/core.xml', coreXml(plan, ctx.lang, date));
  if (base) {
    // The template's parts go in as they are: its theme keeps the office's own font scheme.
    await add('ppt/presentation.xml', base.presentationXml(plan));
    await add('ppt/_rels/presentation.xml.rels', base.presentationRelsXml(n));
    for (const name of fixedNames) await add(name, fixed.get(name)!);
  } else {
    await add('ppt/presentation.xml', presentationXml(fixed.get('ppt/presentation.xml') as string, plan));
    await add('ppt/_rels/presentation.xml.rels', presentationRelsXml(n, fixedNames));
    for (const name of fixedNames) {
      const part = fixed.get(name)!;
      await add(name, name === 'ppt/theme/theme1.xml' ? setFontScheme(part as string, plan) : part);
    }
  }
  for (let i = 0; i < n; i++) {
    const s = writeSlide(plan.slides[i]!, i + 1, ctx);
    await add(`ppt/slides/slide${i + 1}.xml`, s.xml);
    await add(`ppt/slides/_rels/slide${i + 1}.xml.rels`, s.rels);
    if (s.notes) {
      await add(`ppt/notesSlides/notesSlide${i + 1}.xml`, s.notes.xml);
      await add(`ppt/notesSlides/_rels/notesSlide${i + 1}.xml.rels`, s.notes.rels);
    }
  }
  for (const f of media.files) {
    check.part(`ppt/media/${f.name}`);
    // Pictures are compressed already.
    await zip.add({ name: `ppt/media/${f.name}`, data: f.data, compress: false });
  }
  check.done();
  return zip.finish();
}

function contentTypesXml(names: string[], template?: ReadonlyMap<string, string>): string {
  let xml = `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`;
  xml +=
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>';
  xml +=
    '<Default Extension="png" ContentType="image/png"/><Default Extension="jpeg" ContentType="image/jpeg"/><Default Extension="svg" ContentType="image/svg+xml"/>';
  for (const name of names) {
    const type = contentTypeOf(name, template);
    if (type) xml += `<Override PartName="/${esc(name)}" ContentType="${type}"/>`;
  }
  return xml + '</Types>';
}

function packageRelsXml(): string {
  return relsXml([
    { id: 'rId1', type: `${REL}/extended-properties`, target: 'docProps/app.xml' },
    {
      id: 'rId2',
      type: 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties',
      target: 'docProps/core.xml',
    },
    { id: 'rId3', type: `${REL}/officeDocument`, target: 'ppt/presentation.xml' },
  ]);
}

/** rId1 the master, rId2… the slides, then the notes master and the fixed parts. */
function presentationRelsXml(n: number, fixedNames: string[]): string {
  const rels: Relationship[] = [{ id: 'rId1', type: `${REL}/slideMaster`, target: 'slideMasters/slideMaster1.xml' }];
  for (let i = 1; i <= n; i++) rels.push({ id: `rId${i + 1}`, type: `${REL}/slide`, target: `slides/slide${i}.xml` });
  const more: Array<[string, string]> = [
    ['ppt/notesMasters/notesMaster1.xml', 'notesMaster'],
    ['ppt/presProps.xml', 'presProps'],
    ['ppt/viewProps.xml', 'viewProps'],
    ['ppt/theme/theme1.xml', 'theme'],
    ['ppt/tableStyles.xml', 'tableStyles'],
  ];
  for (const [part, type] of more)
    if (fixedNames.includes(part))
      rels.push({ id: `rId${rels.length + 1}`, type: `${REL}/${type}`, target: part.slice('ppt/'.length) });
  return relsXml(rels);
}

/**
 * pptxgenjs's presentation part with this deck's lists and size. The lists are written in the
 * schema's order (masters, notes master, slides): pptxgenjs puts the slides before the notes
 * master, which PowerPoint forgives but the schema does not.
 */
function presentationXml(template: string, plan: DeckPlan): string {
  let ids = '';
  for (let i = 0; i < plan.slides.length; i++) ids += `<p:sldId id="${256 + i}" r:id="rId${i + 2}"/>`;
  const lists = `<p:notesMasterIdLst><p:notesMasterId r:id="rId${plan.slides.length + 2}"/></p:notesMasterIdLst><p:sldIdLst>${ids}</p:sldIdLst>`;
  const replaceOnce = (xml: string, re: RegExp, by: string) => {
    if (!re.test(xml)) throw new Error(`briefdeck bug: pptxgenjs's presentation.xml has no ${re.source}`);
    return xml.replace(re, () => by);
  };
  let xml = replaceOnce(template, /<p:notesMasterIdLst>[\s\S]*?<\/p:notesMasterIdLst>/, '');
  xml = replaceOnce(xml, /<p:sldIdLst>[\s\S]*?<\/p:sldIdLst>/, '');
  xml = replaceOnce(xml, /<\/p:sldMasterIdLst>/, `</p:sldMasterIdLst>${lists}`);
  xml = replaceOnce(
    xml,
    /<p:sldSz\b[^>]*\/>/,
    `<p:sldSz cx="${slideEmu(plan.widthIn)}" cy="${slideEmu(plan.heightIn)}"/>`,
  );
  // The notes page stays portrait, as the notes master lays it out.
  return replaceOnce(xml, /<p:notesSz\b[^>]*\/>/, '<p:notesSz cx="6858000" cy="9144000"/>');
}

/** A slide side in EMU; 13.333 in is PowerPoint's widescreen 13⅓ in exactly, which it then
 * calls "Widescreen" rather than "Custom". */
const slideEmu = (inches: number) => (Math.abs(inches - 40 / 3) < 0.001 ? 12192000 : emu(inches));

/** The deck's fonts in its theme, so text typed into the deck later keeps them. */
function setFontScheme(xml: string, plan: DeckPlan): string {
  const set = (xml: string, block: 'majorFont' | 'minorFont', f: FontFaces) =>
    xml.replace(
      new RegExp(`<a:${block}>[\\s\\S]*?<a:cs typeface="[^"]*"/>`),
      () =>
        `<a:${block}><a:latin typeface="${esc(f.latin)}"/><a:ea typeface="${esc(f.eastAsian)}"/><a:cs typeface="${esc(f.latin)}"/>`,
    );
  xml = set(set(xml, 'majorFont', plan.fonts.major), 'minorFont', plan.fonts.minor);
  // Simplified Chinese script slot, so PowerPoint picks the face for Chinese text by script too.
  const minorAt = xml.indexOf('<a:minorFont>');
  return xml.replace(
    /<a:font script="Hans" typeface="[^"]*"\/>/g,
    (_m, offset: number) =>
      `<a:font script="Hans" typeface="${esc((offset < minorAt ? plan.fonts.major : plan.fonts.minor).eastAsian)}"/>`,
  );
}

/** What a slide is called in File › Info and in the outline: its title. */
function slideTitle(s: SlidePlan, i: number): string {
  const title = s.shapes.find((sh) => sh.kind === 'text' && sh.role === 'title');
  const text = title?.kind === 'text' ? title.paragraphs.map((p) => p.runs.map((r) => r.text).join('')).join(' ') : '';
  return text || s.subject || `Slide ${i + 1}`;
}

function appXml(plan: DeckPlan): string {
  const n = plan.slides.length;
  const fonts = [
    ...new Set([
      plan.fonts.major.latin,
      plan.fonts.minor.latin,
      plan.fonts.major.eastAsian,
      plan.fonts.minor.eastAsian,
    ]),
  ];
  const titles = plan.slides.map(slideTitle);
  const notes = plan.slides.filter((s) => s.notes !== undefined).length;
  const format = plan.widthIn / plan.heightIn < 1.5 ? '4:3' : '16:9';
  return (
    `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
    `<TotalTime>0</TotalTime><Application>briefdeck</Application><PresentationFormat>On-screen Show (${format})</PresentationFormat><Slides>${n}</Slides><Notes>${notes}</Notes><HiddenSlides>0</HiddenSlides><MMClips>0</MMClips><ScaleCrop>false</ScaleCrop>` +
    `<HeadingPairs><vt:vector size="6" baseType="variant"><vt:variant><vt:lpstr>Fonts Used</vt:lpstr></vt:variant><vt:variant><vt:i4>${fonts.length}</vt:i4></vt:variant><vt:variant><vt:lpstr>Theme</vt:lpstr></vt:variant><vt:variant><vt:i4>1</vt:i4></vt:variant><vt:variant><vt:lpstr>Slide Titles</vt:lpstr></vt:variant><vt:variant><vt:i4>${n}</vt:i4></vt:variant></vt:vector></HeadingPairs>` +
    `<TitlesOfParts><vt:vector size="${fonts.length + 1 + n}" baseType="lpstr">${[...fonts, 'Office Theme', ...titles].map((t) => `<vt:lpstr>${esc(t)}</vt:lpstr>`).join('')}</vt:vector></TitlesOfParts>` +
    `<Company>${esc(plan.author ?? '')}</Company><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0000</AppVersion></Properties>`
  );
}

function coreXml(plan: DeckPlan, lang: string, date: Date): string {
  const when = date.toISOString().replace(/\.\d+Z$/, 'Z');
  const author = esc(plan.author ?? 'briefdeck');
  return (
    `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    `<dc:title>${esc(plan.title)}</dc:title>${plan.subject ? `<dc:subject>${esc(plan.subject)}</dc:subject>` : ''}<dc:creator>${author}</dc:creator><cp:lastModifiedBy>${author}</cp:lastModifiedBy><cp:revision>1</cp:revision>` +
    `<dc:language>${lang}</dc:language><dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified></cp:coreProperties>`
  );
}
