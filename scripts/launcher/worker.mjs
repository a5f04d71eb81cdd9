// A worker thread of a batch build.
import { load } from './load.mjs';

load().exports.serveBuilds();
