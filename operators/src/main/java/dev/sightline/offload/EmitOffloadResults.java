package dev.sightline.offload;

import dev.sightline.attention.StimulusVideo;
import dev.sightline.attention.VideoCollector;
import dev.sightline.attention.Viewing;
import dev.sightline.attention.ViewingCollector;
import dev.sightline.ingest.ObjectOutcome;
import dev.sightline.sink.TableDefinition;
import dev.sightline.sink.TableOutputs;
import java.util.List;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * After the async offload operator: emits each task's result rows to their tables' side outputs,
 * its dead letters and compute run, and the object's outcome; the same rows the in-task path
 * emits, so both land in the same tables, and (when the join reads them) the same gaze-join
 * inputs built from them.
 */
public final class EmitOffloadResults extends ProcessFunction<OffloadOutcome, ObjectOutcome> {
    private static final long serialVersionUID = 1L;

    private final List<TableDefinition<?>> tables;

    /** @param tables the job's tables, by which result documents are read */
    private final boolean joinInputs;

    /** @param joinInputs whether to emit the gaze-video join's inputs built from the rows */
    public EmitOffloadResults(List<TableDefinition<?>> tables, boolean joinInputs) {
        this.joinInputs = joinInputs;
        this.tables = List.copyOf(tables);
    }

    @Override
    public void processElement(OffloadOutcome outcome, Context context, Collector<ObjectOutcome> out) {
        if (!joinInputs) {
            out.collect(OffloadResults.emit(outcome, tables, (table, row) -> context.output(table.output(), row),
                    new TableOutputs(context::output)));
            return;
        }
        ViewingCollector viewings = new ViewingCollector();
        VideoCollector video = new VideoCollector(outcome.object());
        out.collect(OffloadResults.emit(outcome, tables, (table, row) -> {
            viewings.accept(table, row);
            video.accept(table, row);
            context.output(table.output(), row);
        }, new TableOutputs(context::output)));
        viewings.viewings().forEach(v -> context.output(Viewing.OUTPUT, v));
        video.videos().forEach(v -> context.output(StimulusVideo.OUTPUT, v));
    }
}
