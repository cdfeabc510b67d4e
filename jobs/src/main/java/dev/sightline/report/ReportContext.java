package dev.sightline.report;

import dev.sightline.cloud.ObjectStore;
import dev.sightline.gaze.GazeSettings;

/** What the report's sections read besides the rows: objects (keyframes, stimuli, gaze samples) and the gaze analysis. */
record ReportContext(ObjectStore store, StimulusImages images, GazeSettings gaze) {}
