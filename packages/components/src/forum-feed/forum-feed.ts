/**
 * Entry point of `<carnet-forum-feed>`: importing it registers the element.
 * Import `./forum-feed.component.js` instead to register the class under your own tag.
 */
import { defineElement } from '../shared/define.js';
import { CarnetForumFeed } from './forum-feed.component.js';

export { CarnetForumFeed } from './forum-feed.component.js';

defineElement('carnet-forum-feed', CarnetForumFeed);

declare global {
  interface HTMLElementTagNameMap {
    'carnet-forum-feed': CarnetForumFeed;
  }
}
