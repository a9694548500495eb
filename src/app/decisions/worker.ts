// A decision worker (see pool.ts): batches in, stored decisions out.

import { serve } from '../worker-pool.js';
import { decideBatch } from './decisions.js';

serve(decideBatch, 'decision');
