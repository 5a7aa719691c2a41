#!/usr/bin/env node
// @ts-nocheck
// 
import { run } from '../dist/src/cli/index.js';
run();
