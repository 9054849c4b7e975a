// The embed page's entry (embed/embed.js): the checker alone, inside another site's iframe.

import { startEmbed } from "./embed/embed.js";

startEmbed();
