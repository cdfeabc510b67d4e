package dev.sightline.ingest;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Routes identified objects to the branch of their media type through side outputs; objects
 * that could not be read or recognised go to the {@link MediaType#UNKNOWN} output.
 */
public final class MediaRouter extends ProcessFunction<MediaObject, MediaObject> {
    private static final long serialVersionUID = 1L;

    private static final OutputTag<MediaObject> VIDEO = tag(MediaType.VIDEO);
    private static final OutputTag<MediaObject> AUDIO = tag(MediaType.AUDIO);
    private static final OutputTag<MediaObject> GAZE = tag(MediaType.GAZE);
    private static final OutputTag<MediaObject> UNKNOWN = tag(MediaType.UNKNOWN);

    /** The side output carrying objects of one media type. */
    public static OutputTag<MediaObject> output(MediaType type) {
        return switch (type) {
            case VIDEO -> VIDEO;
            case AUDIO -> AUDIO;
            case GAZE -> GAZE;
            case UNKNOWN -> UNKNOWN;
        };
    }

    private static OutputTag<MediaObject> tag(MediaType type) {
        return new OutputTag<>("media-" + type.label(), TypeInformation.of(MediaObject.class));
    }

    /** The media type an object is routed by. */
    public static MediaType routeOf(MediaObject object) {
        return object.identified() ? object.mediaType() : MediaType.UNKNOWN;
    }

    @Override
    public void processElement(MediaObject object, Context context, Collector<MediaObject> out) {
        context.output(output(routeOf(object)), object);
    }
}
