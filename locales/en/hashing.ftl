## Fingerprints of files on the device (the file step of the report)

# Under the file picker. States the cap on video frames (MAX_VIDEO_FRAMES in the code).
# Variables:
#   $max (Number) - The most moments of one video we fingerprint, e.g. 30
hashing-video-note = For a video, we make a fingerprint of the whole file and of one moment every second, up to { $max } moments. In a longer video, we spread those { $max } moments over the whole video.
# A video this browser cannot play. Its exact fingerprint (of the whole file) is still made.
hashing-video-undecodable = We could not play this video here, but its exact fingerprint is ready.

## Check step (before sending)

# Shown only when at least one video moment was fingerprinted.
# Variables:
#   $frames (Number) - Fingerprinted moments across all videos in the report
hashing-check-video-frames = { $frames ->
    [one] That includes a fingerprint of 1 moment from your videos.
   *[other] That includes fingerprints of { $frames } moments from your videos.
}
