// The therapist summary leaves the phone only by the user's hand: printed
// (or saved as a PDF) through the system print dialog, or handed as an HTML
// file to the share sheet. The preview is a WebView that runs no script and
// reaches no network; the document is self-contained (inline SVG charts).
package app.tandem.android.platform

import android.content.ClipData
import android.content.Context
import android.content.Intent
import android.net.Uri
import android.print.PrintAttributes
import android.print.PrintManager
import android.webkit.WebResourceRequest
import android.webkit.WebResourceResponse
import android.webkit.WebView
import android.webkit.WebViewClient
import androidx.core.content.FileProvider
import java.io.ByteArrayInputStream
import java.io.File
import java.time.LocalDate

/** Preview, print and share of the summary document. */
object SummaryPrinter {
    private const val SHARED_DIR = "shared"
    private const val HTML_MIME = "text/html"

    /** A WebView set up for the summary: no JavaScript, no file or content access, no network. */
    fun previewWebView(context: Context): WebView = WebView(context).apply {
        settings.javaScriptEnabled = false
        settings.blockNetworkLoads = true
        settings.blockNetworkImage = true
        settings.allowFileAccess = false
        settings.allowContentAccess = false
        settings.setGeolocationEnabled(false)
        settings.builtInZoomControls = true
        settings.displayZoomControls = false
        webViewClient = OfflineClient
    }

    /** Shows [html] in [webView]; no base URL, so relative references resolve to nothing. */
    fun load(webView: WebView, html: String) {
        webView.loadDataWithBaseURL(null, html, HTML_MIME, "utf-8", null)
    }

    /**
     * Opens the system print dialog for what [webView] shows; "Save as PDF"
     * there makes the PDF. [context] must be an Activity.
     */
    fun print(context: Context, webView: WebView, jobName: String) {
        val printManager = context.getSystemService(PrintManager::class.java) ?: return
        val adapter = webView.createPrintDocumentAdapter(jobName)
        val attributes = PrintAttributes.Builder()
            .setMediaSize(PrintAttributes.MediaSize.ISO_A4)
            .setColorMode(PrintAttributes.COLOR_MODE_COLOR)
            .build()
        printManager.print(jobName, adapter, attributes)
    }

    /**
     * Writes [html] to cacheDir/shared (emptied first: one summary at a time)
     * and returns the chooser intent that hands it to another app with a
     * one-off read grant. Call off the main thread.
     */
    fun shareIntent(context: Context, html: String, chooserTitle: String, range: Pair<LocalDate, LocalDate>): Intent {
        val dir = clearShared(context)
        dir.mkdirs()
        val file = File(dir, "tandem-summary-${range.first}-to-${range.second}.html")
        file.writeText(html, Charsets.UTF_8)
        val uri: Uri = FileProvider.getUriForFile(context, "${context.packageName}.files", file)
        val send = Intent(Intent.ACTION_SEND)
            .setType(HTML_MIME)
            .putExtra(Intent.EXTRA_STREAM, uri)
            .addFlags(Intent.FLAG_GRANT_READ_URI_PERMISSION)
        // The clip data carries the grant through the chooser to the chosen app.
        send.clipData = ClipData.newRawUri(file.name, uri)
        return Intent.createChooser(send, chooserTitle)
    }

    /** Deletes any summary left from an earlier share; returns the (now empty) folder. */
    fun clearShared(context: Context): File {
        val dir = File(context.cacheDir, SHARED_DIR)
        dir.listFiles()?.forEach { it.delete() }
        return dir
    }

    /** Refuses every navigation and every subresource that is not already in the document. */
    private object OfflineClient : WebViewClient() {
        override fun shouldOverrideUrlLoading(view: WebView, request: WebResourceRequest): Boolean = true

        override fun shouldInterceptRequest(view: WebView, request: WebResourceRequest): WebResourceResponse? {
            val scheme = request.url.scheme
            // data: URIs (inline images, if any) stay inside the document; anything else gets nothing.
            return if (scheme == "data" || scheme == "about") {
                null
            } else {
                WebResourceResponse("text/plain", "utf-8", 404, "Blocked", emptyMap(), ByteArrayInputStream(ByteArray(0)))
            }
        }
    }
}
