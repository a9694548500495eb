// A worker that reads messages (see read.ts): raw messages in, their parts and readings out.

import { serve } from '../worker-pool.js';
import { readMessage } from './read.js';

serve(readMessage, 'mail reading');
