import { describe, expect, it } from 'vitest';
import { safeStudentDirName } from '../../grader/intake';

const SAFE = /^[A-Za-z0-9._-]{1,64}$/;
const HASHED = /-[0-9a-f]{8}$/;

describe('safeStudentDirName', () => {
  it('keeps ids that are already safe as they are', () => {
    for (const id of ['alice', 'bob.smith', 'u12345', 'Anna_Lee-2']) expect(safeStudentDirName(id)).toBe(id);
  });

  it('replaces odd characters and appends a hash of the original id', () => {
    expect(safeStudentDirName('Anna Maria Lee')).toMatch(/^Anna_Maria_Lee-[0-9a-f]{8}$/);
    expect(safeStudentDirName('José Núñez')).toMatch(/^Jose_Nunez-[0-9a-f]{8}$/);
    expect(safeStudentDirName('学生')).toMatch(/^student-[0-9a-f]{8}$/);
    expect(safeStudentDirName('-rf')).toMatch(/^rf-[0-9a-f]{8}$/);
    expect(safeStudentDirName('CON')).toMatch(/^con-[0-9a-f]{8}$/i);
  });

  it('never gives an empty name, ".", ".." or a hidden folder', () => {
    for (const id of ['', '.', '..', '...', '.hidden', '   ', '🙂']) {
      const name = safeStudentDirName(id);
      expect(name, id).toMatch(SAFE);
      expect(name, id).not.toMatch(/^\./);
      expect(name, id).toMatch(HASHED);
    }
  });

  it('truncates long ids to 64 characters, keeping them apart', () => {
    const long = 'a'.repeat(300);
    const longToo = `${'a'.repeat(299)}b`;
    expect(safeStudentDirName(long)).toHaveLength(64);
    expect(safeStudentDirName(long)).toMatch(HASHED);
    expect(safeStudentDirName(long)).not.toBe(safeStudentDirName(longToo));
    expect(safeStudentDirName('b'.repeat(64))).toBe('b'.repeat(64));
    expect(safeStudentDirName('b'.repeat(65))).toMatch(HASHED);
  });

  it('gives different names to ids that clean up alike', () => {
    const ids = ['a b', 'a?b', 'a_b', 'a*b', 'a  b', 'ä b', 'a b ', '...', '..', '.', '', 'x'.repeat(300), `${'x'.repeat(300)}y`, 'CON', 'con'];
    const names = ids.map(safeStudentDirName);
    expect(new Set(names).size).toBe(ids.length);
    for (const name of names) expect(name).toMatch(SAFE);
  });

  it('is deterministic', () => {
    expect(safeStudentDirName('Zoë Ω')).toBe(safeStudentDirName('Zoë Ω'));
  });
});
