/**
 * The fixed parts of a deck made on an office template: the template's masters, layouts, theme
 * parts and pictures as they are, with presentation.xml and its relationships rebuilt around
 * them (masters first, then the slides, the notes master and the properties), so every id and
 * content type agrees. The template's own slides are not among them.
 */
import { posix } from 'node:path';
import type { DeckPlan } from '../layout/plan.js';
import type { OfficeTemplate } from '../template/package.js';
import { skeleton } from './skeleton.js';
import { NS_A, NS_P, NS_R, REL, relsXml, XML_HEAD, type Relationship } from './xml.js';

export interface TemplateBase {
  /** Parts written as they are. */
  parts: Map<string, string | Uint8Array>;
  /** Content types of the template's parts. */
  types: Map<string, string>;
  /** Slide → layout targets, as a slide's relationships name them. */
  layouts: { cover: string; content: string; coverTitle: 'title' | 'ctrTitle' };
  /** The notes master, as a notes slide's relationships name it. */
  notesMaster: string;
  presentationXml(plan: DeckPlan): string;
  presentationRelsXml(slides: number): string;
}

const fromSlides = (part: string) => posix.relative('ppt/slides', part);
const fromPpt = (part: string) => posix.relative('ppt', part);

export function templateBase(t: OfficeTemplate): TemplateBase {
  const parts = new Map<string, string | Uint8Array>(t.parts);
  const types = new Map(t.contentTypes);
  const sk = skeleton();
  for (const name of ['ppt/presProps.xml', 'ppt/viewProps.xml', 'ppt/tableStyles.xml']) parts.set(name, sk.get(name)!);
  let notesMaster = t.notesMaster;
  if (!notesMaster) {
    // pptxgenjs's notes master, on the template's theme.
    notesMaster = 'ppt/notesMasters/notesMaster1.xml';
    parts.set(notesMaster, sk.get(notesMaster)!);
    parts.set(
      'ppt/notesMasters/_rels/notesMaster1.xml.rels',
      relsXml([{ id: 'rId1', type: `${REL}/theme`, target: posix.relative('ppt/notesMasters', t.theme) }]),
    );
    types.set(notesMaster, 'application/vnd.openxmlformats-officedocument.presentationml.notesMaster+xml');
  }
  const m = t.masters.length;
  return {
    parts,
    types,
    layouts: {
      cover: fromSlides(t.cover.part),
      content: fromSlides(t.content.part),
      coverTitle: t.cover.titleType,
    },
    notesMaster: fromSlides(notesMaster).replace(/^\.\.\/notesMasters/, '../notesMasters'),
    presentationXml(plan) {
      const masters = t.masters.map((x, i) => `<p:sldMasterId id="${x.id}" r:id="rId${i + 1}"/>`).join('');
      let slides = '';
      for (let i = 0; i < plan.slides.length; i++) slides += `<p:sldId id="${256 + i}" r:id="rId${m + i + 1}"/>`;
      return (
        `${XML_HEAD}<p:presentation xmlns:a="${NS_A}" xmlns:r="${NS_R}" xmlns:p="${NS_P}" saveSubsetFonts="1">` +
        `<p:sldMasterIdLst>${masters}</p:sldMasterIdLst>` +
        `<p:notesMasterIdLst><p:notesMasterId r:id="rId${m + plan.slides.length + 1}"/></p:notesMasterIdLst>` +
        `<p:sldIdLst>${slides}</p:sldIdLst>${t.sldSz}<p:notesSz cx="6858000" cy="9144000"/>` +
        `${t.defaultTextStyle ?? ''}</p:presentation>`
      );
    },
    presentationRelsXml(n) {
      const rels: Relationship[] = t.masters.map((x, i) => ({
        id: `rId${i + 1}`,
        type: `${REL}/slideMaster`,
        target: fromPpt(x.part),
      }));
      for (let i = 1; i <= n; i++)
        rels.push({ id: `rId${m + i}`, type: `${REL}/slide`, target: `slides/slide${i}.xml` });
      const more: Array<[string, string]> = [
        [notesMaster, 'notesMaster'],
        ['ppt/presProps.xml', 'presProps'],
        ['ppt/viewProps.xml', 'viewProps'],
        [t.theme, 'theme'],
        ['ppt/tableStyles.xml', 'tableStyles'],
      ];
      for (const [part, type] of more)
        rels.push({ id: `rId${rels.length + 1}`, type: `${REL}/${type}`, target: fromPpt(part) });
      return relsXml(rels);
    },
  };
}
