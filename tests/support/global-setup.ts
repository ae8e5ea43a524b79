// Placeholder replaced by the site build harness.
export default function setup() {}
