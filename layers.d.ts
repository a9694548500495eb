// Types of layers.js (the lint rule of the layers), for the test that runs it.
import type { Rule } from 'eslint';

export declare const layers: Rule.RuleModule;
