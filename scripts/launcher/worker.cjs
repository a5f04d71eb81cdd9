// A worker thread of a batch build.
'use strict';
require('./load.cjs').load().exports.serveBuilds();
