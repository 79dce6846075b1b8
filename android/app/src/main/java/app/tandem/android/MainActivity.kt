// The one activity. A FragmentActivity because BiometricPrompt needs one;
// everything on screen is Compose.
package app.tandem.android

import android.os.Bundle
import android.view.WindowManager
import androidx.activity.compose.setContent
import androidx.activity.enableEdgeToEdge
import androidx.fragment.app.FragmentActivity
import app.tandem.android.ui.TandemApp
import app.tandem.android.ui.TandemTheme

/** Hosts the Compose app in a window the system never captures. */
class MainActivity : FragmentActivity() {
    override fun onCreate(savedInstanceState: Bundle?) {
        // Before any content exists: no screenshots, no screen recording, and
        // a blank card in the recent-apps list. (Compose dialogs are windows
        // of their own and set the same flag through DialogProperties.)
        window.setFlags(WindowManager.LayoutParams.FLAG_SECURE, WindowManager.LayoutParams.FLAG_SECURE)
        enableEdgeToEdge()
        super.onCreate(savedInstanceState)
        val graph = appGraph
        setContent {
            TandemTheme {
                TandemApp(graph)
            }
        }
    }
}
