## Vingerafdrukken van bestanden op het apparaat (de bestandenstap van de melding)

# Onder de bestandskiezer. Noemt het maximum aantal videomomenten (MAX_VIDEO_FRAMES in de code).
# Variables:
#   $max (Number) - Het maximum aantal momenten per video, bijv. 30
hashing-video-note = Van een video maken we een vingerafdruk van het hele bestand en van één moment per seconde, tot { $max } momenten. Bij een langere video verdelen we die { $max } momenten over de hele video.
# Een video die deze browser niet kan afspelen. De exacte vingerafdruk (van het hele bestand) is er wel.
hashing-video-undecodable = We konden deze video hier niet afspelen, maar de exacte vingerafdruk is klaar.

## Controlestap (voor het versturen)

# Alleen als er minstens één videomoment een vingerafdruk kreeg.
# Variables:
#   $frames (Number) - Momenten met een vingerafdruk, van alle video's in de melding samen
hashing-check-video-frames = { $frames ->
    [one] Daarbij zit een vingerafdruk van 1 moment uit je video's.
   *[other] Daarbij zitten vingerafdrukken van { $frames } momenten uit je video's.
}
