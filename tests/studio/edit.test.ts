/**
 * Form edits on the YAML through the yaml library's Document: confirming a suggested directive
 * deletes its `suggested: true` and nothing else, by the directive's path or the mark's line.
 */
import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../src/studio/edit.js';

const DRAFT = `units:
  - name: 浦东新区区委
    achievements:
      - 新建街区党组织202个 # 报道原文
    # 建议, 请核对：领导讲话中与本单位不足相关的要点
    directives:
      - text: 力戒官僚主义
        by: 陈吉宁
        suggested: true
      - text: 加快发展新质生产力
        by: 龚正
        suggested: true # 待定
`;

describe('confirming a suggestion', () => {
  it('by the directive: only its mark goes, comments kept', () => {
    const got = applyEdits(DRAFT, [{ op: 'confirm', path: ['units', 0, 'directives', 0] }]);
    expect(got).toBe(DRAFT.replace('        by: 陈吉宁\n        suggested: true\n', '        by: 陈吉宁\n'));
  });

  it('by the line of its mark (the YAML editor)', () => {
    const got = applyEdits(DRAFT, [{ op: 'confirm', line: 9 }]);
    expect(got).toBe(DRAFT.replace('        by: 陈吉宁\n        suggested: true\n', '        by: 陈吉宁\n'));
    const second = applyEdits(got, [{ op: 'confirm', line: 11 }]);
    expect(second).not.toContain('suggested');
    expect(second).toContain('# 建议, 请核对');
    expect(second).toContain('# 报道原文');
  });

  it('refuses a place with no suggestion', () => {
    expect(() => applyEdits(DRAFT, [{ op: 'confirm', line: 4 }])).toThrow(/no suggestion on line 4/);
    expect(() => applyEdits(DRAFT, [{ op: 'confirm', path: ['units', 0] }])).toThrow(/no suggestion there/);
  });
});
