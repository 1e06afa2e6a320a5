/** The Markdown room: the one parser (micromark via remark, GFM) with its limits, and line-level helpers. */
export { parseAtxHeading, stripClosingSequence, type AtxHeading } from "./atx.js";
