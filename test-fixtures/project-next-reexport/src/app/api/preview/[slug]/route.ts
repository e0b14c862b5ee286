// The preview API of the site: the studio (another origin) loads and saves drafts through it.
export { previewHandler as GET, previewHandler as PUT } from '../../../../lib/preview-handler';
