package dev.sightline.ingest;

import org.apache.flink.util.OutputTag;

/** Something that takes side-output records: a process function's context ({@code context::output}). */
public interface SideOutput {

    <X> void output(OutputTag<X> tag, X value);
}
