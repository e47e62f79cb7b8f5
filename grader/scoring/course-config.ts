import { HIDDEN_SPECS } from '../hidden';
import { loadTrack } from '../track';
import { type GradingConfig, loadConfig } from './config';

/** The grading config of a course (the default config when no file is given), checked against the track and the hidden specs. */
export const loadCourseConfig = (file: string | undefined): GradingConfig => loadConfig(file, loadTrack(), new Map(HIDDEN_SPECS.map((s) => [s.exercise, s])));
