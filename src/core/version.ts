// The few semver functions the core uses, imported one by one: the `semver` index loads the
// whole library, which costs start-up time on every command.
import compare from 'semver/functions/compare.js';
import gt from 'semver/functions/gt.js';
import lt from 'semver/functions/lt.js';
import valid from 'semver/functions/valid.js';

export const semver = { compare, gt, lt, valid };
