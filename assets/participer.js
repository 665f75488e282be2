"use strict";
// Placeholder: the participant page (net/page) replaces this file.
