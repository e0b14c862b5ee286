// The preview API of the site: the studio (another origin) loads and saves drafts through it.
export {
  previewHandler as GET,
  previewHandler as PUT,
  previewHandler as OPTIONS,
} from '../../../../lib/preview-handler';
